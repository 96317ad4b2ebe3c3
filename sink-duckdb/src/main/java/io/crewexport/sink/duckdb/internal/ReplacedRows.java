package io.crewexport.sink.duckdb.internal;

import io.crewexport.Period;
import io.crewexport.spi.ExportTarget;
import java.time.LocalDate;

/**
 * The rows an export replaces: those of a period that lies inside its own, or, for a snapshot,
 * those of the same snapshot day. After the export, the same condition selects exactly its rows.
 */
final class ReplacedRows {
  private ReplacedRows() {}

  /** An SQL condition on the lineage columns that selects the rows {@code target} replaces. */
  static String condition(ExportTarget target) {
    Period period = target.period();
    if (period == null) {
      return column(LineageColumn.SNAPSHOT_DATE) + " = " + date(target.snapshotDate());
    }
    return column(LineageColumn.PERIOD_START)
        + " >= "
        + date(period.start())
        + " AND "
        + column(LineageColumn.PERIOD_END)
        + " <= "
        + date(period.end());
  }

  private static String column(LineageColumn lineage) {
    return Sql.identifier(lineage.columnName());
  }

  private static String date(LocalDate date) {
    return "DATE " + Sql.literal(date.toString());
  }
}
