package io.crewexport.sink.duckdb;

import io.crewexport.Period;
import io.crewexport.schema.Column;
import io.crewexport.schema.ColumnType;
import io.crewexport.schema.ReportSchema;
import io.crewexport.spi.ExportTarget;
import io.crewexport.spi.Row;
import io.crewexport.testing.DuckDb;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Targets, schemas and rows the DuckDB sink tests export. */
final class Exports {
  static final String REPORT = "oneonone.summary";
  static final String TABLE = "oneonone_summary";
  static final Instant EXTRACTED_AT = Instant.parse("2024-12-04T23:30:00.123456Z");

  /** Two columns: a name and a count. */
  static final ReportSchema SMALL =
      new ReportSchema(
          List.of(
              new Column("Name", "name", ColumnType.TEXT),
              new Column("Count", "count", ColumnType.BIGINT)));

  private Exports() {}

  static Period period(String start, String end) {
    return Period.parse(start, end);
  }

  static ExportTarget target(Path out, Period period, String runId) {
    return target(out, period, runId, Map.of());
  }

  static ExportTarget target(Path out, Period period, String runId, Map<String, String> options) {
    return new ExportTarget(REPORT, period, runId, EXTRACTED_AT, out.toString(), options);
  }

  static ExportTarget snapshot(Path out, Instant extractedAt, String runId) {
    return new ExportTarget(REPORT, null, runId, extractedAt, out.toString(), Map.of());
  }

  /** {@code count} rows of {@link #SMALL}: {@code prefix-0, 0}, {@code prefix-1, 1}... */
  static List<Row> smallRows(String prefix, int count) {
    List<Row> rows = new ArrayList<>();
    for (long i = 0; i < count; i++) {
      rows.add(Row.of(prefix + "-" + i, i));
    }
    return rows;
  }

  static Path databaseFile(Path out) {
    return out.resolve(DuckDbSinkConfig.DEFAULT_FILE_NAME);
  }

  static LocalDate date(String iso) {
    return LocalDate.parse(iso);
  }

  /** The columns of the report table in {@code file}: name, type and comment. */
  static List<List<Object>> columns(Path file) {
    return DuckDb.rows(
        file,
        "SELECT column_name, data_type, comment FROM duckdb_columns()"
            + " WHERE table_name = '"
            + TABLE
            + "' ORDER BY column_index");
  }
}
