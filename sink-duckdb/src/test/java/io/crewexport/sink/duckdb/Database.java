package io.crewexport.sink.duckdb;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads a DuckDB file back through plain JDBC, as a user would. */
final class Database {
  private Database() {}

  /** Every row {@code sql} returns, each as a list of JDBC objects. */
  static List<List<Object>> rows(Path file, String sql) {
    try (Connection connection = connect(file);
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      int width = result.getMetaData().getColumnCount();
      List<List<Object>> rows = new ArrayList<>();
      while (result.next()) {
        Object[] values = new Object[width];
        for (int i = 0; i < width; i++) {
          values[i] = result.getObject(i + 1);
        }
        rows.add(Arrays.asList(values));
      }
      return rows;
    } catch (SQLException e) {
      throw new AssertionError("query failed: " + sql, e);
    }
  }

  /** The one value {@code sql} returns. */
  static Object value(Path file, String sql) {
    return rows(file, sql).get(0).get(0);
  }

  /** The columns of the report table: name, type and comment. */
  static List<List<Object>> columns(Path file) {
    return rows(
        file,
        "SELECT column_name, data_type, comment FROM duckdb_columns()"
            + " WHERE table_name = '"
            + Exports.TABLE
            + "' ORDER BY column_index");
  }

  static Connection connect(Path file) throws SQLException {
    return DriverManager.getConnection("jdbc:duckdb:" + file);
  }
}
