package io.crewexport.sink.parquet;

import io.crewexport.schema.ReportSchema;
import io.crewexport.spi.ExportTarget;
import io.crewexport.spi.Row;
import io.crewexport.spi.files.RowFile;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.avro.Schema;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;

/**
 * Formats one export's rows as a Parquet file, written straight from the rows by {@link
 * RowWriteSupport} with the schema and footer parquet-avro would give them.
 */
final class ParquetFile implements RowFile {
  private final ParquetWriter<Row> parquet;

  private ParquetFile(ParquetWriter<Row> parquet) {
    this.parquet = parquet;
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
    ParquetWriter<Row> parquet =
        RowWriteSupport.builder(new StagingOutputFile(path, out), schema, avroSchema, conf)
            .withConf(conf)
            .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
            .withCompressionCodec(options.codec())
            .withRowGroupSize(options.rowGroupBytes())
            .withExtraMetaData(FooterMetadata.of(schema, target))
            .build();
    return new ParquetFile(parquet);
  }

  @Override
  public void write(Row row) throws IOException {
    parquet.write(row);
  }

  @Override
  public void finish() throws IOException {
    parquet.close();
  }

  // No release: closing the Parquet writer would compress and write the buffered row group and a
  // footer, only for the file to be deleted; the staging stream under it is closed anyway.
}
