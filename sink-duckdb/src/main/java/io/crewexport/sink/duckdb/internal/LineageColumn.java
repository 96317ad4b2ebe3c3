package io.crewexport.sink.duckdb.internal;

import io.crewexport.Period;
import io.crewexport.spi.ExportTarget;
import java.util.function.Function;

/**
 * The columns every report table has besides the report's own, saying which export wrote a row.
 * Their names start with {@code _}, which no report column name does.
 */
enum LineageColumn {
  PERIOD_START(
      "_period_start",
      SqlType.DATE,
      "First day of the period the report was asked for; null for a snapshot",
      target -> target.optionalPeriod().map(Period::start).orElse(null)),
  PERIOD_END(
      "_period_end",
      SqlType.DATE,
      "Last day of the period the report was asked for; null for a snapshot",
      target -> target.optionalPeriod().map(Period::end).orElse(null)),
  SNAPSHOT_DATE(
      "_snapshot_date",
      SqlType.DATE,
      "UTC day of a snapshot, a report asked for without a period; null otherwise",
      target -> target.period() == null ? target.snapshotDate() : null),
  EXTRACTED_AT(
      "_extracted_at",
      SqlType.TIMESTAMPTZ,
      "When crewexport downloaded the report",
      ExportTarget::extractedAt),
  RUN_ID("_run_id", SqlType.VARCHAR, "The crewexport run that wrote the row", ExportTarget::runId);

  private final String columnName;
  private final SqlType type;
  private final String description;
  private final Function<ExportTarget, Object> value;

  LineageColumn(
      String columnName, SqlType type, String description, Function<ExportTarget, Object> value) {
    this.columnName = columnName;
    this.type = type;
    this.description = description;
    this.value = value;
  }

  /** The column as the table should have it. */
  TableColumn column() {
    return new TableColumn(columnName, type, description);
  }

  String columnName() {
    return columnName;
  }

  /** The value of this column in every row of {@code target}'s export, or {@code null}. */
  Object valueFor(ExportTarget target) {
    return value.apply(target);
  }
}
