package io.crewexport.sink.parquet;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.crewexport.schema.ColumnType;
import io.crewexport.schema.ReportSchema;
import io.crewexport.spi.Row;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ColumnWriter;
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
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;

/**
 * Writes rows into a Parquet file's column writers directly, one row group at a time, with
 * parquet-hadoop's own file writer, page stores, encoders and compressors: the record-assembly
 * layer in between ({@code RecordConsumer}) only costs time for flat rows of optional columns.
 *
 * <p>Not thread-safe; one file per instance.
 */
final class ColumnsWriter {
  /** Rows between two looks at the buffered size, so the check costs nothing per row. */
  private static final int ROWS_PER_SIZE_CHECK = 100;

  /** Definition level of a present value in an optional top-level column; 0 is null. */
  private static final int PRESENT = 1;

  private final ParquetFileWriter file;
  private final MessageType schema;
  private final ParquetProperties properties;
  private final CodecFactory codecs;
  private final BytesInputCompressor compressor;
  private final long rowGroupBytes;
  private final ColumnType[] types;
  private final ColumnWriter[] writers;
  private ColumnChunkPageWriteStore pages;
  private ColumnWriteStore columns;
  private long rowsInGroup;
  private int rowGroups;

  private ColumnsWriter(
      ParquetFileWriter file,
      MessageType schema,
      ReportSchema report,
      ParquetProperties properties,
      CodecFactory codecs,
      CompressionCodecName codec,
      long rowGroupBytes) {
    this.file = file;
    this.schema = schema;
    this.properties = properties;
    this.codecs = codecs;
    this.compressor = codecs.getCompressor(codec);
    this.rowGroupBytes = rowGroupBytes;
    this.types = new ColumnType[report.size()];
    this.writers = new ColumnWriter[report.size()];
    for (int i = 0; i < types.length; i++) {
      types[i] = report.column(i).type();
    }
  }

  /**
   * Starts a file of {@code schema}, the Parquet form of {@code report}'s columns in their order,
   * compressed with {@code codec}, flushing a row group when about {@code rowGroupBytes} are
   * buffered. The file is encrypted if {@code conf} names a Parquet crypto factory, as {@code
   * ParquetWriter} does; the factory sees {@code metadata} as the footer to be.
   */
  static ColumnsWriter start(
      OutputFile out,
      MessageType schema,
      ReportSchema report,
      CompressionCodecName codec,
      long rowGroupBytes,
      Map<String, String> metadata,
      Configuration conf)
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
    ColumnsWriter writer =
        new ColumnsWriter(file, schema, report, properties, codecs, codec, rowGroupBytes);
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
    for (int i = 0; i < writers.length; i++) {
      Object value = row.get(i);
      if (value == null) {
        writers[i].writeNull(0, 0);
      } else {
        write(writers[i], types[i], value);
      }
    }
    columns.endRecord();
    rowsInGroup++;
    if (rowsInGroup % ROWS_PER_SIZE_CHECK == 0 && columns.getBufferedSize() >= rowGroupBytes) {
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
    if (columns != null) {
      columns.close();
      pages.close();
      columns = null;
    }
    codecs.release();
  }

  /** Text as its UTF-8 bytes, encoded once; dates as days since 1970-01-01, the Avro date. */
  private static void write(ColumnWriter writer, ColumnType type, Object value) {
    switch (type) {
      case TEXT ->
          writer.write(Binary.fromConstantByteArray(((String) value).getBytes(UTF_8)), 0, PRESENT);
      case BIGINT -> writer.write((long) (Long) value, 0, PRESENT);
      case DOUBLE -> writer.write((double) (Double) value, 0, PRESENT);
      case BOOLEAN -> writer.write((boolean) (Boolean) value, 0, PRESENT);
      case DATE -> writer.write(Math.toIntExact(((LocalDate) value).toEpochDay()), 0, PRESENT);
    }
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
    columns = properties.newColumnWriteStore(schema, pages, pages);
    List<ColumnDescriptor> descriptors = schema.getColumns();
    for (int i = 0; i < writers.length; i++) {
      writers[i] = columns.getColumnWriter(descriptors.get(i));
    }
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
    columns.close();
    pages.close();
    columns = null;
  }
}
