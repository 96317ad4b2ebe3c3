package io.crewexport.runner.plan;

import io.crewexport.runner.config.ConfigLoader;
import io.crewexport.runner.config.ReportConfig;
import io.crewexport.spi.ExportTarget;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Refuses two report ids that the DuckDB sink would write to one table. Table names fold the id
 * ({@code r.1} and {@code r-1} both become {@code r_1}), and the names of existing tables must not
 * change, so the only safe answer is to refuse before anything runs. Parquet and CSV keep a folder
 * per report id and are not affected.
 */
final class SharedTables {
  private SharedTables() {}

  /**
   * Where one report entry's DuckDB table would be.
   *
   * @param entry the entry's index in the config's reports
   * @param report the entry, defaults applied
   * @param database the database file, as the options name it or by default
   * @param schema the DuckDB schema
   */
  record TableUse(int entry, ReportConfig report, String database, String schema) {
    String table() {
      return schema + "." + ExportTarget.tableNameOf(report.id());
    }
  }

  /**
   * Checks every entry that writes to DuckDB.
   *
   * @throws io.crewexport.CrewexportException {@code CONFIGURATION}, naming both ids and the table
   */
  static void check(ConfigLoader.Loaded loaded, List<TableUse> uses) {
    Map<String, TableUse> byTable = new HashMap<>();
    for (TableUse use : uses) {
      TableUse earlier = byTable.putIfAbsent(use.database() + "#" + use.table(), use);
      if (earlier != null && !earlier.report().id().equals(use.report().id())) {
        throw loaded.error(path(earlier), path(use), problem(earlier, use));
      }
    }
  }

  private static String problem(TableUse earlier, TableUse use) {
    return "report ids "
        + earlier.report().id()
        + " and "
        + use.report().id()
        + " (account "
        + use.report().account()
        + ") both become DuckDB table "
        + use.table()
        + " in "
        + use.database()
        + ", so each export would replace the other's rows. Give one of them its own"
        + " duckdb.schema (or duckdb.file) under options, or leave duckdb out of its sinks.";
  }

  private static String path(TableUse use) {
    return "reports[" + use.entry() + "]";
  }
}
