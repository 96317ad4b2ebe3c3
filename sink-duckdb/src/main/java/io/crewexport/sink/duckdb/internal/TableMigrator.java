package io.crewexport.sink.duckdb.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Brings a report table to the columns an export wants, inside the export's transaction: creates
 * the table, adds new columns, widens a column whose values no longer fit its type, and keeps the
 * comments current. A column the export no longer has stays, and receives nulls.
 */
final class TableMigrator {
  private static final String READ_COLUMNS =
      "SELECT column_name, data_type, comment FROM duckdb_columns()"
          + " WHERE database_name = current_database() AND schema_name = ? AND table_name = ?"
          + " ORDER BY column_index";

  private final Connection connection;
  private final ReportTable table;
  private final String tableSql;

  TableMigrator(Connection connection, ReportTable table) {
    this.connection = connection;
    this.table = table;
    this.tableSql = table.sql();
  }

  /**
   * Makes the table hold every column in {@code wanted}, with a type that fits its values.
   *
   * @param wanted the columns of the export, in the order a new table gets them
   * @param tableComment the comment a new table gets
   * @return the columns of the table afterwards, in table order
   */
  List<TableColumn> migrate(List<TableColumn> wanted, String tableComment) throws SQLException {
    Map<String, TableColumn> existing = readColumns();
    if (existing.isEmpty()) {
      create(wanted, tableComment);
    } else {
      for (TableColumn column : wanted) {
        alter(existing.get(column.name()), column);
      }
    }

    for (TableColumn column : wanted) {
      TableColumn old = existing.get(column.name());
      if (old == null || !old.comment().equals(column.comment())) {
        comment(column);
      }
    }
    return List.copyOf(readColumns().values());
  }

  private void create(List<TableColumn> wanted, String tableComment) throws SQLException {
    List<String> definitions = new ArrayList<>();
    for (TableColumn column : wanted) {
      definitions.add(Sql.identifier(column.name()) + ' ' + column.type().sql());
    }
    execute("CREATE SCHEMA IF NOT EXISTS " + Sql.identifier(table.schema()));
    execute("CREATE TABLE " + tableSql + " (" + String.join(", ", definitions) + ")");
    execute("COMMENT ON TABLE " + tableSql + " IS " + Sql.literal(tableComment));
  }

  private void alter(TableColumn old, TableColumn column) throws SQLException {
    String name = Sql.identifier(column.name());
    if (old == null) {
      execute("ALTER TABLE " + tableSql + " ADD COLUMN " + name + ' ' + column.type().sql());
      return;
    }
    SqlType widened = old.type().widen(column.type());
    if (widened != old.type()) {
      execute("ALTER TABLE " + tableSql + " ALTER COLUMN " + name + " TYPE " + widened.sql());
    }
  }

  private void comment(TableColumn column) throws SQLException {
    String target = tableSql + '.' + Sql.identifier(column.name());
    execute("COMMENT ON COLUMN " + target + " IS " + Sql.literal(column.comment()));
  }

  private Map<String, TableColumn> readColumns() throws SQLException {
    Map<String, TableColumn> columns = new LinkedHashMap<>();
    try (PreparedStatement statement = connection.prepareStatement(READ_COLUMNS)) {
      statement.setString(1, table.schema());
      statement.setString(2, table.name());
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          String name = result.getString(1);
          SqlType type = SqlType.fromCatalog(result.getString(2));
          String comment = Objects.requireNonNullElse(result.getString(3), "");
          columns.put(name, new TableColumn(name, type, comment));
        }
      }
    }
    return columns;
  }

  private void execute(String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
