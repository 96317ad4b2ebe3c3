package io.crewexport.sink.parquet;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.crewexport.schema.ReportSchema;
import io.crewexport.sink.parquet.encoding.RowGroupEncoder;
import io.crewexport.sink.parquet.encoding.RowGroupWriter;
import io.crewexport.spi.Row;
import io.crewexport.testing.DuckDb;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroSchemaConverter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;

/**
 * Writes the same rows twice, with our encoders and with parquet-java's column writers, and checks
 * that the two files mean the same: the same rows through parquet-avro and through DuckDB, the rows
 * written, and equal {@link ParquetFacts}.
 */
final class TwinFiles {
  private final Path folder;

  TwinFiles(Path folder) {
    this.folder = folder;
  }

  /** Writes {@code rows} both ways with row groups of {@code rowGroupBytes}, and compares. */
  ParquetFacts assertSame(ReportSchema schema, List<Row> rows, long rowGroupBytes)
      throws IOException {
    Path ours = write("ours.parquet", schema, rows, rowGroupBytes, RowGroupEncoder::create);
    Path reference =
        write("reference.parquet", schema, rows, rowGroupBytes, ParquetJavaColumns::create);

    ParquetFacts facts = ParquetFacts.of(ours);
    assertThat(facts).isEqualTo(ParquetFacts.of(reference));
    List<Row> read = ParquetFiles.rows(ParquetFiles.local(ours.toString()), schema);
    assertThat(read).isEqualTo(asWritten(rows));
    assertThat(read).isEqualTo(ParquetFiles.rows(ParquetFiles.local(reference.toString()), schema));
    assertThat(duckDb(ours)).isEqualTo(duckDb(reference));
    return facts;
  }

  private Path write(
      String name,
      ReportSchema schema,
      List<Row> rows,
      long rowGroupBytes,
      RowGroupWriter.Factory values)
      throws IOException {
    Path file = folder.resolve(name);
    Schema avro = AvroSchemas.recordOf(schema, "crewexport_test");
    Map<String, String> footer = Map.of("parquet.avro.schema", avro.toString());
    ColumnsWriter writer =
        ColumnsWriter.start(
            new LocalOutputFile(file),
            new AvroSchemaConverter().convert(avro),
            schema,
            CompressionCodecName.SNAPPY,
            rowGroupBytes,
            footer,
            new Configuration(),
            values);
    for (Row row : rows) {
      writer.write(row);
    }
    writer.finish(footer);
    return file;
  }

  /** DuckDB's reading, with {@code -0.0} kept apart from {@code 0.0} by List equality. */
  private static List<List<Object>> duckDb(Path file) {
    return DuckDb.query("SELECT * FROM read_parquet(" + DuckDb.literal(file.toString()) + ")")
        .rows();
  }

  /** The rows as UTF-8 keeps them: an unpaired surrogate becomes {@code ?}. */
  private static List<Row> asWritten(List<Row> rows) {
    return rows.stream()
        .map(
            row -> {
              Object[] values = new Object[row.size()];
              for (int i = 0; i < values.length; i++) {
                Object value = row.get(i);
                values[i] = value instanceof String text ? utf8(text) : value;
              }
              return Row.wrap(values);
            })
        .toList();
  }

  private static String utf8(String text) {
    return new String(text.getBytes(UTF_8), UTF_8);
  }
}
