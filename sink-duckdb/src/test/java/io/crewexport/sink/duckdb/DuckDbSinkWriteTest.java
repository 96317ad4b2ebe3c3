package io.crewexport.sink.duckdb;

import static io.crewexport.sink.duckdb.Exports.EXTRACTED_AT;
import static io.crewexport.sink.duckdb.Exports.databaseFile;
import static io.crewexport.sink.duckdb.Exports.date;
import static io.crewexport.sink.duckdb.Exports.period;
import static io.crewexport.sink.duckdb.Exports.target;
import static io.crewexport.testing.SampleReport.export;
import static java.util.Arrays.asList;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.crewexport.schema.Column;
import io.crewexport.schema.ColumnType;
import io.crewexport.schema.ReportSchema;
import io.crewexport.spi.ExportTarget;
import io.crewexport.spi.Row;
import io.crewexport.spi.SinkResult;
import io.crewexport.testing.DuckDb;
import io.crewexport.testing.TimeZones;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

final class DuckDbSinkWriteTest {
  private static final String TRICKY_TEXT = "Zoë 😀, \"Boss\"\nsecond line; DROP TABLE x; --";

  private static final ReportSchema TYPED =
      new ReportSchema(
          List.of(
              new Column("Name", "name", ColumnType.TEXT),
              new Column("Team size", "team_size", ColumnType.BIGINT),
              new Column("Score %", "score", ColumnType.DOUBLE),
              new Column("Active?", "active", ColumnType.BOOLEAN),
              new Column("Start Date", "start_date", ColumnType.DATE),
              new Column("select", "select", ColumnType.TEXT),
              new Column("\"quoted\" it's; --", "quoted", ColumnType.TEXT)));

  private static final List<Row> TYPED_ROWS =
      List.of(
          Row.of(TRICKY_TEXT, 42L, 99.5, true, date("2024-02-29"), "from", "a'b"),
          Row.of(null, null, null, null, null, null, null),
          Row.of("plain", Long.MIN_VALUE, -0.25, false, date("1999-12-31"), "", ","));

  private final DuckDbSink sink = new DuckDbSink();

  @TempDir Path out;

  @Test
  void storesEveryTypeAndNullAsWritten() {
    export(sink, TYPED, yearTarget(), TYPED_ROWS);

    List<List<Object>> rows =
        DuckDb.rows(
            databaseFile(out),
            "SELECT name, team_size, score, active, CAST(start_date AS VARCHAR), \"select\","
                + " quoted FROM main.oneonone_summary ORDER BY team_size NULLS LAST");
    assertThat(rows)
        .containsExactly(
            asList("plain", Long.MIN_VALUE, -0.25, false, "1999-12-31", "", ","),
            asList(TRICKY_TEXT, 42L, 99.5, true, "2024-02-29", "from", "a'b"),
            asList(null, null, null, null, null, null, null));
  }

  @Test
  void declaresTypesAndKeepsVendorHeadingsAsComments() {
    export(sink, TYPED, yearTarget(), TYPED_ROWS);

    List<List<Object>> columns = Exports.columns(databaseFile(out));
    assertThat(columns)
        .extracting(column -> column.get(0), column -> column.get(1))
        .containsExactly(
            tuple("name", "VARCHAR"),
            tuple("team_size", "BIGINT"),
            tuple("score", "DOUBLE"),
            tuple("active", "BOOLEAN"),
            tuple("start_date", "DATE"),
            tuple("select", "VARCHAR"),
            tuple("quoted", "VARCHAR"),
            tuple("_period_start", "DATE"),
            tuple("_period_end", "DATE"),
            tuple("_snapshot_date", "DATE"),
            tuple("_extracted_at", "TIMESTAMP WITH TIME ZONE"),
            tuple("_run_id", "VARCHAR"));
    assertThat(columns.subList(0, TYPED.size()))
        .extracting(column -> column.get(2))
        .containsExactlyElementsOf(TYPED.headings());
    assertThat(columns.subList(TYPED.size(), columns.size()))
        .extracting(column -> (String) column.get(2))
        .allSatisfy(comment -> assertThat(comment).isNotBlank());
  }

  @Test
  void tagsEveryRowWithThePeriodAndRun() {
    export(sink, TYPED, yearTarget(), TYPED_ROWS);

    assertThat(lineage())
        .containsOnly(asList("2024-01-01", "2024-12-31", null, epochMicros(EXTRACTED_AT), "run-1"))
        .hasSize(3);
  }

  @Test
  void tagsASnapshotWithItsUtcDayAndNoPeriod() {
    Instant lateEvening = Instant.parse("2024-12-04T23:59:59Z");

    export(sink, TYPED, Exports.snapshot(out, lateEvening, "run-2"), TYPED_ROWS);

    assertThat(lineage())
        .containsOnly(asList(null, null, "2024-12-04", epochMicros(lateEvening), "run-2"));
  }

  @ParameterizedTest
  @MethodSource("io.crewexport.testing.TimeZones#daylightSavingDays")
  void storesTheUtcInstantAndDaysWhateverTheJvmTimeZone(
      String zone, Instant extractedAt, String utcDay) {
    ExportTarget year =
        new ExportTarget(
            Exports.REPORT,
            period("2024-01-01", "2024-12-31"),
            "run-1",
            extractedAt,
            out.toString(),
            Map.of());

    TimeZones.withDefault(
        zone,
        () -> {
          export(sink, TYPED, year, TYPED_ROWS);
          export(sink, TYPED, Exports.snapshot(out, extractedAt, "run-2"), TYPED_ROWS);
        });

    assertThat(lineage())
        .extracting(row -> row.get(2), row -> row.get(3))
        .containsOnly(
            tuple(null, epochMicros(extractedAt)), tuple(utcDay, epochMicros(extractedAt)))
        .hasSize(6);
    assertThat(
            DuckDb.rows(
                databaseFile(out),
                "SELECT DISTINCT strftime(_extracted_at AT TIME ZONE 'UTC',"
                    + " '%Y-%m-%dT%H:%M:%S.%fZ') FROM oneonone_summary"))
        .containsExactly(asList(extractedAt.toString()));
    assertThat(
            DuckDb.rows(
                databaseFile(out),
                "SELECT DISTINCT CAST(start_date AS VARCHAR) FROM oneonone_summary"
                    + " ORDER BY 1 NULLS LAST"))
        .containsExactly(asList("1999-12-31"), asList("2024-02-29"), asList((Object) null));
  }

  @Test
  void saysWhereTheRowsWentAndHowToReadThem() {
    Path file = databaseFile(out);

    SinkResult result = export(sink, TYPED, yearTarget(), TYPED_ROWS);

    assertThat(result.rows()).isEqualTo(3);
    assertThat(result.location()).isEqualTo(file + "#main.oneonone_summary");
    assertThat(result.files()).isEmpty();
    assertThat(result.query())
        .isEqualTo(
            "ATTACH '"
                + file
                + "' AS crew (READ_ONLY); SELECT * FROM crew.\"main\".\"oneonone_summary\";");
  }

  @Test
  void createsTheFolderOfANamedDatabaseFile() {
    Path file = out.resolve("nested/deeper/hr.duckdb");
    ExportTarget target =
        target(
            out,
            period("2024-01-01", "2024-12-31"),
            "run-1",
            Map.of("duckdb.file", file.toString()));

    SinkResult result = export(sink, Exports.SMALL, target, Exports.smallRows("a", 2));

    assertThat(result.location()).startsWith(file + "#");
    assertThat(DuckDb.value(file, "SELECT count(*) FROM oneonone_summary")).isEqualTo(2L);
  }

  @Test
  void writesAnEmptyReportAsAnEmptyTable() {
    SinkResult result = export(sink, TYPED, yearTarget(), List.of());

    assertThat(result.rows()).isZero();
    assertThat(DuckDb.value(databaseFile(out), "SELECT count(*) FROM oneonone_summary"))
        .isEqualTo(0L);
  }

  private ExportTarget yearTarget() {
    return target(out, period("2024-01-01", "2024-12-31"), "run-1");
  }

  private List<List<Object>> lineage() {
    return DuckDb.rows(
        databaseFile(out),
        "SELECT CAST(_period_start AS VARCHAR), CAST(_period_end AS VARCHAR),"
            + " CAST(_snapshot_date AS VARCHAR), epoch_us(_extracted_at), _run_id"
            + " FROM oneonone_summary");
  }

  private static long epochMicros(Instant instant) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
  }
}
