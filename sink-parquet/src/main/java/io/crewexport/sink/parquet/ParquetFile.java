package io.crewexport.sink.parquet;

import io.crewexport.schema.ReportSchema;
import io.crewexport.sink.parquet.encoding.RowGroupEncoder;
import io.crewexport.spi.ExportTarget;
import io.crewexport.spi.Row;
import io.crewexport.spi.files.RowFile;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroSchemaConverter;
import org.apache.parquet.hadoop.ParquetWriter;

/**
 * Formats one export's rows as a Parquet file, written straight into its columns by {@link
 * ColumnsWriter}, with the schema and footer parquet-avro would give them: the Parquet schema is
 * converted from the Avro schema of {@link AvroSchemas} by parquet-avro itself, and the Avro schema
 * is stored in the footer where {@code AvroParquetReader} looks for it.
 */
final class ParquetFile implements RowFile {
  /** The footer key parquet-avro stores the Avro schema under and its reader looks up. */
  private static final String AVRO_SCHEMA = "parquet.avro.schema";

  /** The object model parquet-avro names in the footer; our files are what it would write. */
  private static final String AVRO_MODEL = "avro";

  private final ColumnsWriter columns;
  private final Map<String, String> footer;

  private ParquetFile(ColumnsWriter columns, Map<String, String> footer) {
    this.columns = columns;
    this.footer = footer;
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
    Map<String, String> footer = new LinkedHashMap<>(FooterMetadata.of(schema, target));
    footer.put(AVRO_SCHEMA, avroSchema.toString());
    footer.put(ParquetWriter.OBJECT_MODEL_NAME_PROP, AVRO_MODEL);
    ColumnsWriter columns =
        ColumnsWriter.start(
            new StagingOutputFile(path, out),
            new AvroSchemaConverter(conf).convert(avroSchema),
            schema,
            options.codec(),
            options.rowGroupBytes(),
            footer,
            conf,
            RowGroupEncoder::create);
    return new ParquetFile(columns, footer);
  }

  @Override
  public void write(Row row) throws IOException {
    columns.write(row);
  }

  @Override
  public void finish() throws IOException {
    columns.finish(footer);
  }

  /**
   * Frees the buffered row group and the compressors without writing them: the staging file is
   * deleted next.
   */
  @Override
  public void release() {
    columns.release();
  }
}
