package io.crewexport.testing;

import io.crewexport.schema.ColumnType;
import io.crewexport.schema.ReportSchema;
import io.crewexport.spi.Row;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads exports back through DuckDB's JDBC driver, as a user would. Needs {@code
 * org.duckdb:duckdb_jdbc} on the test class path; core itself does not depend on it.
 *
 * <pre>{@code
 * DuckDb.Table table = DuckDb.query("SELECT * FROM read_parquet('lake/**}{@code /*.parquet')");
 * long rows = (Long) DuckDb.value(file, "SELECT count(*) FROM main.oneonone_summary");
 * }</pre>
 */
public final class DuckDb {
  private DuckDb() {}

  /**
   * A query result.
   *
   * @param names the column names
   * @param types DuckDB's type names, such as {@code BIGINT} or {@code DATE}
   * @param rows the rows, as JDBC objects, {@code DATE} values as {@link LocalDate}
   */
  public record Table(List<String> names, List<String> types, List<List<Object>> rows) {
    public Table {
      names = List.copyOf(names);
      types = List.copyOf(types);
      rows = List.copyOf(rows);
    }

    /** The rows as report rows: each column's JDBC value as is. */
    public List<Row> asRows() {
      return rows.stream().map(row -> Row.of(row.toArray())).toList();
    }
  }

  /** Runs {@code sql} in a new in-memory database, kept small: one thread, 256 MB. */
  public static Table query(String sql) {
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      statement.execute("SET threads = 1");
      statement.execute("SET memory_limit = '256MB'");
      return run(statement, sql);
    } catch (SQLException e) {
      throw new AssertionError("DuckDB query failed: " + sql, e);
    }
  }

  /**
   * Runs {@code sql} on the database {@code file}. Sets nothing on the connection: a database this
   * process already has open keeps its settings, and DuckDB refuses a connection asking for others.
   */
  public static Table query(Path file, String sql) {
    try (Connection connection = connect(file);
        Statement statement = connection.createStatement()) {
      return run(statement, sql);
    } catch (SQLException e) {
      throw new AssertionError("DuckDB query failed on " + file + ": " + sql, e);
    }
  }

  /** The rows {@code sql} returns from the database {@code file}. */
  public static List<List<Object>> rows(Path file, String sql) {
    return query(file, sql).rows();
  }

  /** The first value {@code sql} returns from the database {@code file}. */
  public static Object value(Path file, String sql) {
    return rows(file, sql).get(0).get(0);
  }

  /** A plain connection to the database {@code file}. */
  public static Connection connect(Path file) throws SQLException {
    return DriverManager.getConnection("jdbc:duckdb:" + file);
  }

  /** The report's columns as a quoted select list: {@code "employee_id", "name"}. */
  public static String columnList(ReportSchema schema) {
    return schema.names().stream()
        .map(name -> '"' + name.replace("\"", "\"\"") + '"')
        .collect(Collectors.joining(", "));
  }

  /**
   * The report's columns and their DuckDB types as a struct literal, for {@code read_csv}'s {@code
   * columns} parameter: {@code {'employee_id': 'BIGINT', 'name': 'VARCHAR'}}.
   */
  public static String columnTypes(ReportSchema schema) {
    return schema.columns().stream()
        .map(column -> literal(column.name()) + ": " + literal(sqlType(column.type())))
        .collect(Collectors.joining(", ", "{", "}"));
  }

  private static String sqlType(ColumnType type) {
    return type == ColumnType.TEXT ? "VARCHAR" : type.name();
  }

  /** {@code text} as an SQL string literal. */
  public static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  private static Table run(Statement statement, String sql) throws SQLException {
    try (ResultSet result = statement.executeQuery(sql)) {
      ResultSetMetaData meta = result.getMetaData();
      List<String> names = new ArrayList<>();
      List<String> types = new ArrayList<>();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        names.add(meta.getColumnName(i));
        types.add(meta.getColumnTypeName(i));
      }
      List<List<Object>> rows = new ArrayList<>();
      while (result.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= types.size(); i++) {
          boolean date = types.get(i - 1).equals("DATE");
          row.add(date ? result.getObject(i, LocalDate.class) : result.getObject(i));
        }
        rows.add(row);
      }
      return new Table(names, types, rows);
    }
  }
}
