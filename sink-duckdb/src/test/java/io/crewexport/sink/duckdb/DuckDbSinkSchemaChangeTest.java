package io.crewexport.sink.duckdb;

import static io.crewexport.sink.duckdb.Exports.SMALL;
import static io.crewexport.sink.duckdb.Exports.databaseFile;
import static io.crewexport.sink.duckdb.Exports.date;
import static io.crewexport.sink.duckdb.Exports.period;
import static io.crewexport.sink.duckdb.Exports.smallRows;
import static io.crewexport.sink.duckdb.Exports.target;
import static io.crewexport.testing.SampleReport.export;
import static java.util.Arrays.asList;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.crewexport.Period;
import io.crewexport.schema.Column;
import io.crewexport.schema.ColumnType;
import io.crewexport.schema.ReportSchema;
import io.crewexport.spi.Row;
import io.crewexport.testing.DuckDb;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class DuckDbSinkSchemaChangeTest {
  private static final Period JANUARY = period("2024-01-01", "2024-01-31");
  private static final Period FEBRUARY = period("2024-02-01", "2024-02-29");

  private final DuckDbSink sink = new DuckDbSink();

  @TempDir Path out;

  @Test
  void newColumnIsAddedAndReadsNullInOlderRows() {
    ReportSchema wider =
        schema(
            new Column("Name", "name", ColumnType.TEXT),
            new Column("Count", "count", ColumnType.BIGINT),
            new Column("Last 1-on-1", "last_1_on_1", ColumnType.DATE));
    export(sink, SMALL, target(out, JANUARY, "run-1"), smallRows("january", 1));

    export(
        sink,
        wider,
        target(out, FEBRUARY, "run-2"),
        List.of(Row.of("february", 7L, date("2024-02-14"))));

    assertThat(
            rows(
                "SELECT name, count, CAST(last_1_on_1 AS VARCHAR)"
                    + " FROM oneonone_summary ORDER BY name"))
        .containsExactly(asList("february", 7L, "2024-02-14"), asList("january-0", 0L, null));
    assertThat(Exports.columns(databaseFile(out)))
        .extracting(column -> column.get(0), column -> column.get(2))
        .contains(tuple("last_1_on_1", "Last 1-on-1"));
  }

  @Test
  void vanishedColumnStaysAndReadsNullInNewRows() {
    export(sink, SMALL, target(out, JANUARY, "run-1"), smallRows("january", 1));
    ReportSchema narrower = schema(new Column("Name", "name", ColumnType.TEXT));

    export(sink, narrower, target(out, FEBRUARY, "run-2"), List.of(Row.of("february")));

    assertThat(rows("SELECT name, count, _run_id FROM oneonone_summary ORDER BY name"))
        .containsExactly(asList("february", null, "run-2"), asList("january-0", 0L, "run-1"));
  }

  @Test
  void wholeNumberColumnWidensToDecimals() {
    export(sink, SMALL, target(out, JANUARY, "run-1"), smallRows("january", 1));
    ReportSchema decimals =
        schema(
            new Column("Name", "name", ColumnType.TEXT),
            new Column("Count", "count", ColumnType.DOUBLE));

    export(sink, decimals, target(out, FEBRUARY, "run-2"), List.of(Row.of("february", 2.5)));

    assertThat(rows("SELECT name, count FROM oneonone_summary ORDER BY name"))
        .containsExactly(asList("february", 2.5), asList("january-0", 0.0));
    assertThat(columnType("count")).isEqualTo("DOUBLE");
  }

  @Test
  void columnOfAnotherTypeWidensToTextAndKeepsItsComment() {
    export(sink, SMALL, target(out, JANUARY, "run-1"), smallRows("january", 1));
    ReportSchema dates =
        schema(
            new Column("Name", "name", ColumnType.TEXT),
            new Column("Count", "count", ColumnType.DATE));

    export(
        sink,
        dates,
        target(out, FEBRUARY, "run-2"),
        List.of(Row.of("february", date("2024-02-01"))));

    assertThat(rows("SELECT name, count FROM oneonone_summary ORDER BY name"))
        .containsExactly(asList("february", "2024-02-01"), asList("january-0", "0"));
    assertThat(columnType("count")).isEqualTo("VARCHAR");
    assertThat(columnComment("count")).isEqualTo("Count");
  }

  @Test
  void narrowerValuesGoIntoAWiderColumnAsItsType() {
    ReportSchema text =
        schema(
            new Column("Name", "name", ColumnType.TEXT),
            new Column("Count", "count", ColumnType.TEXT));
    export(sink, text, target(out, JANUARY, "run-1"), List.of(Row.of("january", "n/a")));

    export(sink, SMALL, target(out, FEBRUARY, "run-2"), List.of(Row.of("february", 12L)));

    assertThat(rows("SELECT name, count FROM oneonone_summary ORDER BY name"))
        .containsExactly(asList("february", "12"), asList("january", "n/a"));
    assertThat(columnType("count")).isEqualTo("VARCHAR");
  }

  @Test
  void changedHeadingUpdatesTheComment() {
    export(sink, SMALL, target(out, JANUARY, "run-1"), smallRows("january", 1));
    ReportSchema renamed =
        schema(
            new Column("Name", "name", ColumnType.TEXT),
            new Column("COUNT ", "count", ColumnType.BIGINT));

    export(sink, renamed, target(out, FEBRUARY, "run-2"), smallRows("february", 1));

    assertThat(columnComment("count")).isEqualTo("COUNT ");
  }

  private static ReportSchema schema(Column... columns) {
    return new ReportSchema(List.of(columns));
  }

  private List<List<Object>> rows(String sql) {
    return DuckDb.rows(databaseFile(out), sql);
  }

  private Object columnType(String name) {
    return column(name).get(1);
  }

  private Object columnComment(String name) {
    return column(name).get(2);
  }

  private List<Object> column(String name) {
    return Exports.columns(databaseFile(out)).stream()
        .filter(column -> column.get(0).equals(name))
        .findFirst()
        .orElseThrow();
  }
}
