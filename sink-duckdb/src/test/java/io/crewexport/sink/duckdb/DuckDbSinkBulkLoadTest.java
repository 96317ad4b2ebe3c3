package io.crewexport.sink.duckdb;

import static io.crewexport.sink.duckdb.Exports.databaseFile;
import static io.crewexport.sink.duckdb.Exports.period;
import static io.crewexport.sink.duckdb.Exports.target;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crewexport.schema.Column;
import io.crewexport.schema.ColumnType;
import io.crewexport.schema.ReportSchema;
import io.crewexport.spi.ExportTarget;
import io.crewexport.spi.Row;
import io.crewexport.spi.SinkWriter;
import io.crewexport.spi.SpooledCsv;
import io.crewexport.spi.SpooledCsvLoader;
import io.crewexport.testing.DuckDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The DuckDB sink loading a spooled body with DuckDB's CSV reader, compared with its appender. */
final class DuckDbSinkBulkLoadTest {
  /** A hostile body, one record each, joined by the line end under test; cells hold others. */
  private static final List<String> RECORDS =
      List.of(
          "Name,\"Team, size\",Score %,Active?,Start Date,\"Notes \"\"quoted\"\" it's\",Zoë,Code",
          "\"Zoë 😀, \"\"Boss\"\"\r\nsecond line; DROP TABLE x; --\",9223372036854775807,-0.0,Yes,"
              + "10000101,\" padded \",+1,007",
          ",,,,0,\"\",,\"\"",
          "",
          "plain,-9223372036854775808,99.5,fAlSe,99991231, 42 ,1e5,-0",
          "\"a\nb\",0,123456789012345,TRUE,20000229,\"\"\"\",\"ß,æ\",   ",
          "\"line\rbreak\",-1,12345.6789012345,nO,19700101,tab\there,日本語,0",
          "'single',7,-12.50,yES,20241231,\"a,\"\"b\"\"\",\\N,NULL");

  private static final String EVERY_CELL = "SELECT * FROM main.oneonone_summary ORDER BY ALL";

  private final DuckDbSink sink = new DuckDbSink();
  private final ExecutorService loader = Executors.newSingleThreadExecutor();

  @TempDir Path folder;

  @AfterEach
  void stopLoader() {
    loader.shutdownNow();
  }

  @ParameterizedTest
  @CsvSource({"CRLF, false, true", "LF, false, true", "CR, false, true", "CRLF, true, false"})
  void loadsEveryCellAsTheAppenderWritesIt(String lineEnds, boolean marked, boolean endsLastLine)
      throws Exception {
    String lineEnd = Map.of("CRLF", "\r\n", "LF", "\n", "CR", "\r").get(lineEnds);
    String text = String.join(lineEnd, RECORDS) + (endsLastLine ? lineEnd : "");
    Path body = spool("body.csv", (marked ? "\uFEFF" : "") + text);
    ReportSchema schema = SpooledBodies.infer(body);
    SpooledCsv offered = SpooledBodies.offer(body);

    OptionalLong loaded;
    try (SinkWriter writer = sink.open(schema, year(folder.resolve("loaded")))) {
      loaded = ((SpooledCsvLoader) writer).load(offered);
      writer.commit();
    }
    try (SinkWriter writer = sink.open(schema, year(folder.resolve("appended")))) {
      SpooledBodies.writeRows(offered, schema, writer);
      writer.commit();
    }

    assertThat(schema.columns())
        .extracting(Column::type)
        .containsExactly(
            ColumnType.TEXT,
            ColumnType.BIGINT,
            ColumnType.DOUBLE,
            ColumnType.BOOLEAN,
            ColumnType.DATE,
            ColumnType.TEXT,
            ColumnType.TEXT,
            ColumnType.TEXT);
    assertThat(loaded).hasValue(RECORDS.size() - 2);
    assertThat(cells("loaded")).hasSize(RECORDS.size() - 2).isEqualTo(cells("appended"));
    assertThat(cells("loaded"))
        .extracting(row -> row.subList(0, 4))
        .contains(
            List.of("plain", Long.MIN_VALUE, 99.5, false),
            List.of(
                "Zoë 😀, \"Boss\"\r\nsecond line; DROP TABLE x; --", Long.MAX_VALUE, -0.0, true));
  }

  @Test
  void loadsOnAnotherThreadUnderTheConfiguredLimitsAndCommitsOnTheOpeningOne() throws Exception {
    Path body = spool("body.csv", String.join("\n", RECORDS) + "\n");
    ReportSchema schema = SpooledBodies.infer(body);
    Map<String, String> limits =
        Map.of(DuckDbSinkConfig.MEMORY_LIMIT, "64MB", DuckDbSinkConfig.THREADS, "1");
    ExportTarget target = target(folder, period("2024-01-01", "2024-12-31"), "run-1", limits);

    try (SinkWriter writer = sink.open(schema, target)) {
      Future<OptionalLong> load =
          loader.submit(() -> ((SpooledCsvLoader) writer).load(SpooledBodies.offer(body)));

      assertThat(load.get()).hasValue(RECORDS.size() - 2);
      assertThat(
              DuckDb.rows(
                  databaseFile(folder),
                  "SELECT current_setting('memory_limit'), current_setting('threads')"))
          .containsExactly(List.of("61.0 MiB", 1L));
      assertThat(writer.commit().rows()).isEqualTo(RECORDS.size() - 2);
    }
    assertThat(DuckDb.value(databaseFile(folder), "SELECT count(*) FROM oneonone_summary"))
        .isEqualTo((long) RECORDS.size() - 2);
  }

  @Test
  void abortAfterALoadLeavesTheTableAsItWas() throws Exception {
    Path body = spool("body.csv", String.join("\r\n", RECORDS));
    ReportSchema schema = SpooledBodies.infer(body);
    List<List<Object>> before = exportOneRow(schema);

    try (SinkWriter writer = sink.open(schema, year(folder))) {
      assertThat(((SpooledCsvLoader) writer).load(SpooledBodies.offer(body))).isPresent();
      writer.abort();
    }

    assertThat(DuckDb.rows(databaseFile(folder), EVERY_CELL)).isEqualTo(before);
  }

  @Test
  void abortWhileALoadRunsOnAnotherThreadLeavesTheTableAsItWas() throws Exception {
    StringBuilder text = new StringBuilder(String.join("\n", RECORDS)).append('\n');
    for (int i = 0; i < 200_000; i++) {
      text.append("row ").append(i).append(',').append(i).append(",1.5,yes,20240101,,,\n");
    }
    Path body = spool("body.csv", text.toString());
    ReportSchema schema = SpooledBodies.infer(body);
    List<List<Object>> before = exportOneRow(schema);

    SinkWriter writer = sink.open(schema, year(folder));
    Future<OptionalLong> load =
        loader.submit(() -> ((SpooledCsvLoader) writer).load(SpooledBodies.offer(body)));
    writer.abort();

    // Whether the abort came before, during or after the load, nothing of it stays.
    try {
      load.get();
    } catch (ExecutionException expected) {
      assertThat(expected.getCause()).isInstanceOf(RuntimeException.class);
    }
    assertThat(DuckDb.rows(databaseFile(folder), EVERY_CELL)).isEqualTo(before);
  }

  @Test
  void refusesASecondLoadAndRowsAfterALoad() throws Exception {
    Path body = spool("body.csv", String.join("\n", RECORDS));
    ReportSchema schema = SpooledBodies.infer(body);

    try (SinkWriter writer = sink.open(schema, year(folder))) {
      SpooledCsvLoader bulk = (SpooledCsvLoader) writer;
      bulk.load(SpooledBodies.offer(body));

      assertThatThrownBy(() -> bulk.load(SpooledBodies.offer(body)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("at most once");
      assertThatThrownBy(() -> writer.write(Row.wrap(new Object[schema.size()])))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("loaded from the spooled body");
    }
  }

  @Test
  void refusesALoadAfterARow() throws Exception {
    Path body = spool("body.csv", String.join("\n", RECORDS));
    ReportSchema schema = SpooledBodies.infer(body);

    try (SinkWriter writer = sink.open(schema, year(folder))) {
      writer.write(Row.wrap(new Object[schema.size()]));

      assertThatThrownBy(() -> ((SpooledCsvLoader) writer).load(SpooledBodies.offer(body)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("before any row");
    }
  }

  /** Commits one row of nulls as an earlier export; returns the table's cells afterwards. */
  private List<List<Object>> exportOneRow(ReportSchema schema) {
    try (SinkWriter writer = sink.open(schema, year(folder))) {
      writer.write(Row.wrap(new Object[schema.size()]));
      writer.commit();
    }
    return DuckDb.rows(databaseFile(folder), EVERY_CELL);
  }

  private List<List<Object>> cells(String database) {
    return DuckDb.rows(databaseFile(folder.resolve(database)), EVERY_CELL);
  }

  private Path spool(String name, String text) throws Exception {
    return Files.writeString(folder.resolve(name), text, UTF_8);
  }

  private static ExportTarget year(Path out) {
    return target(out, period("2024-01-01", "2024-12-31"), "run-1");
  }
}
