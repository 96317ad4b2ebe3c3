package io.crewexport.sink.duckdb.internal;

import io.crewexport.Period;
import io.crewexport.spi.ExportTarget;

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
      return column(LineageColumn.SNAPSHOT_DATE) + " = " + Sql.date(target.snapshotDate());
    }
    return column(LineageColumn.PERIOD_START)
        + " >= "
        + Sql.date(period.start())
        + " AND "
        + column(LineageColumn.PERIOD_END)
        + " <= "
        + Sql.date(period.end());
  }

  private static String column(LineageColumn lineage) {
    return Sql.identifier(lineage.columnName());
  }
}
