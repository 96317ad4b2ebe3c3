package io.crewexport.sink.parquet;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Runs a query in an in-memory DuckDB and returns its result as plain values. */
final class DuckDb {
  private DuckDb() {}

  /** A query result: column names and types, and rows of JDBC values (dates as LocalDate). */
  record Table(List<String> names, List<String> types, List<List<Object>> rows) {}

  static Table query(String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      statement.execute("SET threads = 1");
      statement.execute("SET memory_limit = '256MB'");
      try (ResultSet result = statement.executeQuery(sql)) {
        return read(result);
      }
    }
  }

  private static Table read(ResultSet result) throws SQLException {
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
