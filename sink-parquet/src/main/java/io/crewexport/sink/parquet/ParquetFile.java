package io.crewexport.sink.parquet;

import io.crewexport.schema.ReportSchema;
import io.crewexport.spi.ExportTarget;
import io.crewexport.spi.Row;
import io.crewexport.spi.files.RowFile;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;

/** Formats one export's rows as a Parquet file through parquet-avro. */
final class ParquetFile implements RowFile {
  private final ParquetWriter<GenericRecord> parquet;
  private final GenericData.Record record;

  private ParquetFile(ParquetWriter<GenericRecord> parquet, Schema avroSchema) {
    this.parquet = parquet;
    // One record, refilled per row: the writer copies its values into column buffers at once.
    this.record = new GenericData.Record(avroSchema);
  }

  /** Starts a Parquet file on {@code out}, with the export's lineage in its footer. */
  static ParquetFile start(
      OutputStream out,
      String path,
      ReportSchema schema,
      ExportTarget target,
      ParquetOptions options,
      Configuration conf)
      throws IOException {
    Schema avroSchema = AvroSchemas.recordOf(schema, "crewexport_" + target.tableName());
    ParquetWriter<GenericRecord> parquet =
        AvroParquetWriter.<GenericRecord>builder(new StagingOutputFile(path, out))
            .withSchema(avroSchema)
            .withDataModel(GenericData.get())
            .withConf(conf)
            .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
            .withCompressionCodec(options.codec())
            .withRowGroupSize(options.rowGroupBytes())
            .withExtraMetaData(FooterMetadata.of(schema, target))
            .build();
    return new ParquetFile(parquet, avroSchema);
  }

  @Override
  public void write(Row row) throws IOException {
    for (int i = 0; i < row.size(); i++) {
      record.put(i, avroValue(row.get(i)));
    }
    parquet.write(record);
  }

  @Override
  public void finish() throws IOException {
    parquet.close();
  }

  // No release: closing the Parquet writer would compress and write the buffered row group and a
  // footer, only for the file to be deleted; the staging stream under it is closed anyway.

  /** Dates become days since 1970-01-01, the Avro {@code date} type; other values fit as is. */
  private static Object avroValue(Object value) {
    return value instanceof LocalDate date ? Math.toIntExact(date.toEpochDay()) : value;
  }
}
