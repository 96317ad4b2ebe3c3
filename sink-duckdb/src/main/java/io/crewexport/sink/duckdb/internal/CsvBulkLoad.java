package io.crewexport.sink.duckdb.internal;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;

import io.crewexport.schema.Column;
import io.crewexport.schema.ReportSchema;
import io.crewexport.spi.ExportTarget;
import io.crewexport.spi.SpooledCsv;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Loads a spooled CSV body into a report table with DuckDB's own parallel CSV reader, in one {@code
 * INSERT ... SELECT}: the file is read under an explicit schema (no sniffing), each report column
 * converted as {@code CellTypes.value} converts its cells, the lineage columns as constants.
 *
 * <pre>{@code
 * Optional<String> why = CsvBulkLoad.whyNot(body, schema, tableColumns);
 * if (why.isEmpty()) {
 *   statement.executeLargeUpdate(CsvBulkLoad.insert(body, schema, tableColumns, table, target));
 * }
 * }</pre>
 *
 * <p>Where DuckDB's reader is known to read a body otherwise than the export, the load is declined
 * up front, see {@link #whyNot}. Elsewhere DuckDB fails rather than guess, in strict mode: a row
 * shorter or longer than the heading row, mixed line ends, a quote left open, a line over DuckDB's
 * 2 MB limit, bytes that are not UTF-8, a cell its column's type cannot hold.
 */
final class CsvBulkLoad {
  // read_csv expands these in a path as a glob.
  private static final Pattern GLOB = Pattern.compile("[*?\\[\\]{}]");

  private CsvBulkLoad() {}

  /**
   * Why DuckDB would read {@code body} otherwise than the export does, or empty if it reads it the
   * same: another charset than UTF-8, a single column (DuckDB reads a blank line as a row of it,
   * the export skips it), a heading with a line break (DuckDB takes the first line for the heading
   * row), a glob character in the path, a column the table holds in another type than the report's
   * (widened by an earlier export). A cell of spaces and then a quote, which DuckDB unquotes, is
   * the export's to find: it does not commit a load of such a body (see {@link
   * io.crewexport.spi.SpooledCsvLoader}).
   */
  static Optional<String> whyNot(
      SpooledCsv body, ReportSchema schema, List<TableColumn> tableColumns) {
    if (!body.charset().equals(UTF_8) && !body.charset().equals(US_ASCII)) {
      return Optional.of("its charset is " + body.charset());
    }
    if (schema.size() < 2 || body.headings().size() != schema.size()) {
      return Optional.of("it has " + body.headings().size() + " headings");
    }
    if (body.headings().stream().anyMatch(heading -> heading.matches("(?s).*[\r\n].*"))) {
      return Optional.of("a heading holds a line break");
    }
    if (GLOB.matcher(body.file().toAbsolutePath().toString()).find()) {
      return Optional.of("its path holds a glob character");
    }
    return widenedColumn(schema, tableColumns);
  }

  /**
   * The statement that inserts every data row of {@code body} as a row of {@code tableColumns}, in
   * table order: a report column from its cell, a lineage column as a constant, any other null. It
   * answers with the number of rows inserted.
   */
  static String insert(
      SpooledCsv body,
      ReportSchema schema,
      List<TableColumn> tableColumns,
      ReportTable table,
      ExportTarget target) {
    Map<String, String> values = new HashMap<>();
    List<String> fileColumns = new ArrayList<>();
    for (int i = 0; i < schema.size(); i++) {
      Column column = schema.column(i);
      String field = "c" + (i + 1);
      values.put(column.name(), value(column, Sql.identifier(field)));
      fileColumns.add(Sql.literal(field) + ": " + Sql.literal(fileType(column)));
    }
    for (LineageColumn lineage : LineageColumn.values()) {
      values.put(lineage.columnName(), constant(lineage.valueFor(target)));
    }

    List<String> names = new ArrayList<>();
    List<String> selected = new ArrayList<>();
    for (TableColumn column : tableColumns) {
      names.add(Sql.identifier(column.name()));
      selected.add(values.getOrDefault(column.name(), "NULL"));
    }
    return "INSERT INTO "
        + table.sql()
        + " ("
        + String.join(", ", names)
        + ") SELECT "
        + String.join(", ", selected)
        + " FROM read_csv("
        + Sql.literal(body.file().toAbsolutePath().toString())
        + ", columns = {"
        + String.join(", ", fileColumns)
        + "}, header = true, auto_detect = false, delim = ',', quote = '\"', escape = '\"',"
        + " comment = '', nullstr = '', allow_quoted_nulls = true, encoding = 'utf-8',"
        + " strict_mode = true, null_padding = false, ignore_errors = false)";
  }

  private static Optional<String> widenedColumn(
      ReportSchema schema, List<TableColumn> tableColumns) {
    Map<String, SqlType> types = new HashMap<>();
    tableColumns.forEach(column -> types.put(column.name(), column.type()));
    for (Column column : schema.columns()) {
      SqlType held = types.get(column.name());
      if (held != SqlType.of(column.type())) {
        return Optional.of("the table holds column " + column.name() + " as " + held);
      }
    }
    return Optional.empty();
  }

  /** How DuckDB reads a column's cells: the type itself where DuckDB parses it the same way. */
  private static String fileType(Column column) {
    return switch (column.type()) {
      case TEXT -> "VARCHAR";
      case BOOLEAN -> "BOOLEAN";
      case BIGINT -> "BIGINT";
      case DOUBLE -> "DOUBLE";
      // yyyymmdd, or 0 for none: a number DuckDB parses faster than it parses the text.
      case DATE -> "INTEGER";
    };
  }

  /** The column's value from its cell, as {@code CellTypes.value} gives it for a cell that fits. */
  private static String value(Column column, String field) {
    return switch (column.type()) {
      // DuckDB reads a BOOLEAN cell itself: the same answer as the export for every value the
      // export takes, except "yeſ" (long s), which DuckDB refuses, so the export falls back.
      case TEXT, BIGINT, DOUBLE, BOOLEAN -> field;
      case DATE ->
          "CASE WHEN "
              + field
              + " = 0 THEN NULL ELSE make_date("
              + field
              + " // 10000, "
              + field
              + " // 100 % 100, "
              + field
              + " % 100) END";
    };
  }

  /** A lineage value as a literal, with the precision the appender gives it. */
  private static String constant(Object value) {
    if (value == null) {
      return "NULL";
    }
    if (value instanceof LocalDate date) {
      return Sql.date(date);
    }
    if (value instanceof Instant instant) {
      return "TIMESTAMPTZ " + Sql.literal(instant.truncatedTo(ChronoUnit.MICROS).toString());
    }
    return Sql.literal(value.toString());
  }
}
