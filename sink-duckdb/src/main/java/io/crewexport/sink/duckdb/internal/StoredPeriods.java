package io.crewexport.sink.duckdb.internal;

import io.crewexport.Period;
import io.crewexport.spi.ExportTarget;
import io.crewexport.spi.PeriodReplacement;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Applies {@link PeriodReplacement} to the periods a report table holds. */
final class StoredPeriods {
  private StoredPeriods() {}

  /**
   * Refuses the export of {@code target} if the table holds rows of a period that overlaps the
   * export's without lying inside it, unless the export allows that.
   */
  static void requireNoConflict(Connection connection, ReportTable table, ExportTarget target)
      throws SQLException {
    if (target.period() == null) {
      return;
    }
    PeriodReplacement.requireNoConflict("duckdb", target, overlapping(connection, table, target));
  }

  private static List<Period> overlapping(
      Connection connection, ReportTable table, ExportTarget target) throws SQLException {
    String start = Sql.identifier(LineageColumn.PERIOD_START.columnName());
    String end = Sql.identifier(LineageColumn.PERIOD_END.columnName());
    String sql =
        "SELECT DISTINCT CAST("
            + start
            + " AS VARCHAR), CAST("
            + end
            + " AS VARCHAR) FROM "
            + table.sql()
            + " WHERE "
            + start
            + " <= "
            + Sql.date(target.period().end())
            + " AND "
            + end
            + " >= "
            + Sql.date(target.period().start());
    List<Period> periods = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      while (result.next()) {
        periods.add(Period.parse(result.getString(1), result.getString(2)));
      }
    }
    return periods;
  }
}
