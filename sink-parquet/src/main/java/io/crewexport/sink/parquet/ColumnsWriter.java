package io.crewexport.sink.parquet;

import io.crewexport.schema.ReportSchema;
import io.crewexport.sink.parquet.encoding.RowGroupWriter;
import io.crewexport.spi.Row;
import java.io.IOException;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputCompressor;
import org.apache.parquet.crypto.EncryptionPropertiesFactory;
import org.apache.parquet.crypto.FileEncryptionProperties;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.schema.MessageType;

/**
 * Writes rows into a Parquet file one row group at a time: our own encoders ({@link
 * io.crewexport.sink.parquet.encoding.RowGroupEncoder}) make the pages, and parquet-hadoop's page
 * stores, compressors and file writer do the rest. parquet-java's record assembly and column
 * writers cost more time, per value, than flat rows of optional columns need.
 *
 * <p>Not thread-safe; one file per instance.
 */
final class ColumnsWriter {
  /** Rows between two looks at the buffered size, so the check costs nothing per row. */
  private static final int ROWS_PER_SIZE_CHECK = 100;

  private final ParquetFileWriter file;
  private final MessageType schema;
  private final ParquetProperties properties;
  private final CodecFactory codecs;
  private final BytesInputCompressor compressor;
  private final long rowGroupBytes;
  private final RowGroupWriter columns;
  private ColumnChunkPageWriteStore pages;
  private long rowsInGroup;
  private int rowGroups;

  private ColumnsWriter(
      ParquetFileWriter file,
      MessageType schema,
      RowGroupWriter columns,
      ParquetProperties properties,
      CodecFactory codecs,
      CompressionCodecName codec,
      long rowGroupBytes) {
    this.file = file;
    this.schema = schema;
    this.columns = columns;
    this.properties = properties;
    this.codecs = codecs;
    this.compressor = codecs.getCompressor(codec);
    this.rowGroupBytes = rowGroupBytes;
  }

  /**
   * Starts a file of {@code schema}, the Parquet form of {@code report}'s columns in their order,
   * compressed with {@code codec}, flushing a row group when about {@code rowGroupBytes} are
   * buffered. The file is encrypted if {@code conf} names a Parquet crypto factory, as {@code
   * ParquetWriter} does; the factory sees {@code metadata} as the footer to be. The rows become
   * pages through the writer {@code values} makes ({@code RowGroupEncoder::create} in production).
   */
  static ColumnsWriter start(
      OutputFile out,
      MessageType schema,
      ReportSchema report,
      CompressionCodecName codec,
      long rowGroupBytes,
      Map<String, String> metadata,
      Configuration conf,
      RowGroupWriter.Factory values)
      throws IOException {
    ParquetProperties properties = ParquetProperties.builder().build();
    ParquetFileWriter file =
        new ParquetFileWriter(
            out,
            schema,
            ParquetFileWriter.Mode.OVERWRITE,
            rowGroupBytes,
            ParquetWriter.MAX_PADDING_SIZE_DEFAULT,
            encryption(out, schema, metadata, conf),
            properties);
    file.start();
    CodecFactory codecs = new CodecFactory(conf, properties.getPageSizeThreshold());
    RowGroupWriter columns = values.create(schema, report, properties);
    ColumnsWriter writer =
        new ColumnsWriter(file, schema, columns, properties, codecs, codec, rowGroupBytes);
    writer.startRowGroup();
    return writer;
  }

  /** Compresses a few bytes with {@code codec}, which loads its library, or fails as it would. */
  static void tryCodec(CompressionCodecName codec, Configuration conf) throws IOException {
    CodecFactory codecs = new CodecFactory(conf, ParquetProperties.DEFAULT_PAGE_SIZE);
    try {
      codecs.getCompressor(codec).compress(BytesInput.from(new byte[] {1, 2, 3}));
    } finally {
      codecs.release();
    }
  }

  /** Appends one row, its values typed as the report's columns say. */
  void write(Row row) throws IOException {
    columns.write(row);
    rowsInGroup++;
    if (rowsInGroup % ROWS_PER_SIZE_CHECK == 0 && columns.bufferedSize() >= rowGroupBytes) {
      flushRowGroup();
      startRowGroup();
    }
  }

  /** Writes the last row group and the footer with {@code metadata}, and frees the compressors. */
  void finish(Map<String, String> metadata) throws IOException {
    try {
      flushRowGroup();
      file.end(metadata);
    } finally {
      release();
    }
  }

  /** Frees buffers and compressors without writing anything more. */
  void release() {
    if (pages != null) {
      pages.close();
      pages = null;
    }
    codecs.release();
  }

  /** The encryption {@code conf}'s crypto factory asks for, or null for none (the default). */
  private static FileEncryptionProperties encryption(
      OutputFile out, MessageType schema, Map<String, String> metadata, Configuration conf) {
    EncryptionPropertiesFactory factory = EncryptionPropertiesFactory.loadFactory(conf);
    return factory == null
        ? null
        : factory.getFileEncryptionProperties(
            conf, new Path(out.getPath()), new WriteSupport.WriteContext(schema, metadata));
  }

  private void startRowGroup() {
    pages =
        new ColumnChunkPageWriteStore(
            compressor,
            schema,
            properties.getAllocator(),
            properties.getColumnIndexTruncateLength(),
            properties.getPageWriteChecksumEnabled(),
            file.getEncryptor(),
            rowGroups);
    columns.start(pages);
    rowsInGroup = 0;
  }

  private void flushRowGroup() throws IOException {
    if (rowsInGroup > 0) {
      file.startBlock(rowsInGroup);
      columns.flush();
      pages.flushToFileWriter(file);
      file.endBlock();
      rowGroups++;
    }
    pages.close();
    pages = null;
  }
}
