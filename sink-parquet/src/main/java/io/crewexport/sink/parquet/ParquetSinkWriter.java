package io.crewexport.sink.parquet;

import io.crewexport.schema.ReportSchema;
import io.crewexport.spi.AbstractSinkWriter;
import io.crewexport.spi.ExportTarget;
import io.crewexport.spi.Row;
import io.crewexport.spi.SinkResult;
import io.crewexport.spi.files.PartitionFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;

/** Streams one export's rows into a staging Parquet file and publishes it on commit. */
final class ParquetSinkWriter extends AbstractSinkWriter {
  private final ReportSchema schema;
  private final ExportTarget target;
  private final Publication publication;
  private final OutputStream staging;
  private final ParquetWriter<GenericRecord> parquet;
  private final GenericData.Record record;

  private ParquetSinkWriter(
      ReportSchema schema,
      ExportTarget target,
      Publication publication,
      OutputStream staging,
      ParquetWriter<GenericRecord> parquet,
      Schema avroSchema) {
    this.schema = schema;
    this.target = target;
    this.publication = publication;
    this.staging = staging;
    this.parquet = parquet;
    // One record, refilled per row: the writer copies its values into column buffers at once.
    this.record = new GenericData.Record(avroSchema);
  }

  /** Opens the staging file and a Parquet writer on it. */
  static ParquetSinkWriter open(
      ReportSchema schema,
      ExportTarget target,
      ParquetOptions options,
      Publication publication,
      Configuration conf) {
    PartitionFiles files = publication.files();
    OutputStream staging = null;
    try {
      staging = files.openStaging();
      Schema avroSchema = AvroSchemas.recordOf(schema, "crewexport_" + target.tableName());
      ParquetWriter<GenericRecord> parquet =
          AvroParquetWriter.<GenericRecord>builder(
                  new StagingOutputFile(files.stagingPath(), staging))
              .withSchema(avroSchema)
              .withDataModel(GenericData.get())
              .withConf(conf)
              .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
              .withCompressionCodec(options.codec())
              .withRowGroupSize(options.rowGroupBytes())
              .withExtraMetaData(FooterMetadata.of(schema, target))
              .build();
      return new ParquetSinkWriter(schema, target, publication, staging, parquet, avroSchema);
    } catch (IOException | RuntimeException e) {
      closeQuietly(staging);
      deleteQuietly(files, e);
      throw Failures.sinkFailed(target, "create", files.stagingPath(), e);
    }
  }

  @Override
  protected void append(Row row) {
    row.requireFits(schema);
    for (int i = 0; i < row.size(); i++) {
      record.put(i, avroValue(row.get(i)));
    }
    try {
      parquet.write(record);
    } catch (IOException e) {
      throw Failures.sinkFailed(target, "write", publication.files().stagingPath(), e);
    }
  }

  @Override
  protected SinkResult publish(long rows) {
    PartitionFiles files = publication.files();
    try {
      parquet.close();
      if (publication.localDisk()) {
        forceToDisk(Path.of(files.stagingPath()));
      }
      String published = files.publish();
      return new SinkResult(rows, publication.location(), List.of(published), publication.query());
    } catch (IOException | RuntimeException e) {
      throw Failures.sinkFailed(target, "publish", files.stagingPath(), e);
    }
  }

  @Override
  protected void discard() {
    // Closing the Parquet writer would compress and write the buffered row group and a footer,
    // only for the file to be deleted: closing the stream under it is enough to release the file.
    closeQuietly(staging);
    try {
      publication.files().discard();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Dates become days since 1970-01-01, the Avro {@code date} type; other values fit as is. */
  private static Object avroValue(Object value) {
    return value instanceof LocalDate date ? Math.toIntExact(date.toEpochDay()) : value;
  }

  /**
   * Makes the closed staging file durable before the rename publishes it; on Hadoop file systems
   * {@link StagingOutputFile} syncs the stream instead.
   */
  private static void forceToDisk(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
  }

  private static void closeQuietly(OutputStream stream) {
    if (stream == null) {
      return;
    }
    try {
      stream.close();
    } catch (IOException e) {
      // Only called on the way to deleting the file or reporting another failure.
    }
  }

  private static void deleteQuietly(PartitionFiles files, Exception failure) {
    try {
      files.discard();
    } catch (IOException e) {
      failure.addSuppressed(e);
    }
  }
}
