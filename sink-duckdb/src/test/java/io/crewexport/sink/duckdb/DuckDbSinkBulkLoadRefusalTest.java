package io.crewexport.sink.duckdb;

import static io.crewexport.sink.duckdb.Exports.databaseFile;
import static io.crewexport.sink.duckdb.Exports.period;
import static io.crewexport.sink.duckdb.Exports.target;
import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crewexport.CrewexportException;
import io.crewexport.schema.Column;
import io.crewexport.schema.ColumnType;
import io.crewexport.schema.ReportSchema;
import io.crewexport.spi.ExportTarget;
import io.crewexport.spi.Row;
import io.crewexport.spi.SinkWriter;
import io.crewexport.spi.SpooledCsv;
import io.crewexport.spi.SpooledCsvLoader;
import io.crewexport.testing.DuckDb;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bodies the DuckDB sink's bulk load declines or fails on, leaving the rows to the appender. */
final class DuckDbSinkBulkLoadRefusalTest {
  private static final ReportSchema TWO =
      new ReportSchema(
          List.of(
              new Column("Name", "name", ColumnType.TEXT),
              new Column("Day", "day", ColumnType.DATE)));

  private static final String EVERY_CELL = "SELECT * FROM main.oneonone_summary ORDER BY ALL";

  private final DuckDbSink sink = new DuckDbSink();

  @TempDir Path folder;

  @Test
  void declinesAnotherCharsetThanUtf8() throws Exception {
    assertDeclinedAndAppended(TWO, body("body.csv", "Name,Day\nÅsa,20240101\n", ISO_8859_1));
  }

  @Test
  void declinesASingleColumnWhoseBlankLinesDuckDbWouldTakeForRows() throws Exception {
    ReportSchema one = new ReportSchema(List.of(TWO.column(0)));

    assertDeclinedAndAppended(one, body("body.csv", "Name\nAda\n\nBo\n", UTF_8));
  }

  @Test
  void declinesAHeadingWithALineBreak() throws Exception {
    ReportSchema broken =
        new ReportSchema(List.of(new Column("Na\nme", "name", ColumnType.TEXT), TWO.column(1)));

    assertDeclinedAndAppended(broken, body("body.csv", "\"Na\nme\",Day\nAda,0\n", UTF_8));
  }

  @Test
  void declinesAPathThatDuckDbWouldExpandAsAGlob() throws Exception {
    assertDeclinedAndAppended(TWO, body("body[1].csv", "Name,Day\nAda,0\n", UTF_8));
  }

  @Test
  void loadsSpacesAndQuotesInsideQuotedCells() throws Exception {
    SpooledCsv body =
        body("body.csv", "Name,Day\n\"a, \"\"b\"\", \",0\n\"x\n \"\"y\",20240101\n", UTF_8);

    try (SinkWriter writer = sink.open(TWO, year())) {
      assertThat(((SpooledCsvLoader) writer).load(body)).hasValue(2);
      writer.commit();
    }
    assertThat(DuckDb.rows(databaseFile(folder), "SELECT name FROM oneonone_summary ORDER BY 1"))
        .containsExactly(List.of("a, \"b\", "), List.of("x\n \"y"));
  }

  @Test
  void declinesAColumnAnEarlierExportWidened() throws Exception {
    ReportSchema textDay =
        new ReportSchema(List.of(TWO.column(0), new Column("Day", "day", ColumnType.TEXT)));
    try (SinkWriter writer = sink.open(textDay, year())) {
      writer.write(Row.of("earlier", "n/a"));
      writer.commit();
    }

    assertDeclinedAndAppended(TWO, body("body.csv", "Name,Day\nAda,20240101\n", UTF_8));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Name,Day\nAda\nBo,0\n", // the export pads the short row, DuckDB refuses it
        "Name,Day\r\nAda,0\nBo,0\r\n", // mixed line ends
        "Name,Day\nAda,20240230\n", // no such day: the export's check fails too
      })
  void failsWhereDuckDbCannotReadTheBodyAndAbortKeepsTheTable(String text) throws Exception {
    List<List<Object>> before = exportEarlierRow();
    SpooledCsv body = body("body.csv", text, UTF_8);

    try (SinkWriter writer = sink.open(TWO, year())) {
      assertThatThrownBy(() -> ((SpooledCsvLoader) writer).load(body))
          .isInstanceOf(CrewexportException.class)
          .hasMessageContaining("DuckDB's CSV reader could not load the downloaded body of")
          .hasMessageContaining("the export writes the rows one by one instead");
      writer.abort();
    }

    assertThat(DuckDb.rows(databaseFile(folder), EVERY_CELL)).isEqualTo(before);
  }

  @Test
  void failsOnALongSBooleanThatOnlyTheExportReadsAsYes() throws Exception {
    ReportSchema flag =
        new ReportSchema(List.of(TWO.column(0), new Column("On", "on", ColumnType.BOOLEAN)));
    SpooledCsv body = body("body.csv", "Name,On\nAda,yeſ\n", UTF_8);

    try (SinkWriter writer = sink.open(flag, year())) {
      assertThatThrownBy(() -> ((SpooledCsvLoader) writer).load(body))
          .isInstanceOf(CrewexportException.class);
    }
  }

  /** Offers {@code body}, expects it declined with the writer untouched, then writes its rows. */
  private void assertDeclinedAndAppended(ReportSchema schema, SpooledCsv body) {
    long rows;
    try (SinkWriter writer = sink.open(schema, year())) {
      assertThat(((SpooledCsvLoader) writer).load(body)).isEmpty();
      rows = SpooledBodies.writeRows(body, schema, writer);
      assertThat(writer.commit().rows()).isEqualTo(rows);
    }
    assertThat(rows).isPositive();
  }

  private List<List<Object>> exportEarlierRow() {
    try (SinkWriter writer = sink.open(TWO, year())) {
      writer.write(Row.of("earlier", null));
      writer.commit();
    }
    return DuckDb.rows(databaseFile(folder), EVERY_CELL);
  }

  private SpooledCsv body(String name, String text, Charset charset) throws Exception {
    Path file = Files.write(folder.resolve(name), text.getBytes(charset));
    return charset.equals(UTF_8)
        ? SpooledBodies.offer(file)
        : new SpooledCsv(file, charset, TWO.headings());
  }

  private ExportTarget year() {
    return target(folder, period("2024-01-01", "2024-12-31"), "run-1");
  }
}
