package io.crewexport.sink.duckdb.internal;

import io.crewexport.schema.Column;
import io.crewexport.schema.ReportSchema;
import io.crewexport.sink.duckdb.DuckDbSinkConfig;
import io.crewexport.spi.ExportTarget;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The table of one report: {@code oneonone.summary} goes to {@code main.oneonone_summary}.
 *
 * @param schema the DuckDB schema, unquoted
 * @param name the table name, unquoted
 */
record ReportTable(String schema, String name) {

  static ReportTable of(DuckDbSinkConfig config, ExportTarget target) {
    return new ReportTable(config.schema(), target.tableName());
  }

  /** The columns an export of {@code schema} wants: the report's, then the lineage columns. */
  static List<TableColumn> wantedColumns(ReportSchema schema) {
    List<TableColumn> columns = new ArrayList<>();
    for (Column column : schema.columns()) {
      columns.add(new TableColumn(column.name(), SqlType.of(column.type()), column.heading()));
    }
    for (LineageColumn lineage : LineageColumn.values()) {
      columns.add(lineage.column());
    }
    return columns;
  }

  /** The comment a new table gets. */
  static String comment(ExportTarget target) {
    return "Crewmojo report " + target.reportId() + ", written by crewexport";
  }

  /** The quoted name, {@code "main"."oneonone_summary"}. */
  String sql() {
    return Sql.table(schema, name);
  }

  /** Where users find the table: {@code <file>#main.oneonone_summary}. */
  String location(Path file) {
    return file + "#" + schema + '.' + name;
  }

  /** A query that users can paste into the {@code duckdb} CLI to read the table. */
  String readQuery(Path file) {
    return "ATTACH "
        + Sql.literal(file.toString())
        + " AS crew (READ_ONLY); SELECT * FROM crew."
        + sql()
        + ';';
  }
}
