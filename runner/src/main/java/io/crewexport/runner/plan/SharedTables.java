package io.crewexport.runner.plan;

import io.crewexport.runner.config.ConfigLoader;
import io.crewexport.runner.config.ReportConfig;
import io.crewexport.spi.ExportTarget;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
      TableUse earlier = byTable.putIfAbsent(file(use.database()) + "#" + use.table(), use);
      if (earlier != null && !sameReport(earlier.report(), use.report())) {
        throw loaded.error(path(earlier), path(use), problem(earlier, use));
      }
    }
  }

  /** Two entries of one report of one account: its periods share its table, as they should. */
  private static boolean sameReport(ReportConfig one, ReportConfig other) {
    return one.id().equals(other.id()) && Objects.equals(one.account(), other.account());
  }

  /**
   * The database file as the file system sees it: {@code d/sub/../x.duckdb} is {@code d/x.duckdb}.
   */
  private static String file(String database) {
    try {
      return Path.of(database.replaceFirst("^file:", "")).toAbsolutePath().normalize().toString();
    } catch (InvalidPathException e) {
      return database;
    }
  }

  private static String problem(TableUse earlier, TableUse use) {
    return "reports "
        + earlier.report().account()
        + "/"
        + earlier.report().id()
        + " and "
        + use.report().account()
        + "/"
        + use.report().id()
        + " both become DuckDB table "
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
