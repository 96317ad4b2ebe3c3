package io.crewexport.runner;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares what a sink wrote, read back by DuckDB, with the CSV the server sent: same rows, and the
 * same cells once typed as the README documents ({@code Yes} -> true, {@code 20240131} ->
 * 2024-01-31, {@code 0} date -> null, empty -> null).
 */
final class OutputCheck {
  private OutputCheck() {}

  /** The served CSV's rows, headings first. */
  static List<String[]> served(Path csv) throws IOException {
    List<String[]> rows = new ArrayList<>();
    try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(csv)) {
      for (CsvRecord record : reader) {
        rows.add(record.getFields().toArray(String[]::new));
      }
    }
    return rows;
  }

  /** The DuckDB types of the first {@code count} columns of {@code relation}. */
  static List<String> types(Connection db, String relation, int count) throws SQLException {
    List<String> types = new ArrayList<>();
    try (Statement statement = db.createStatement();
        ResultSet rs = statement.executeQuery("DESCRIBE SELECT * FROM " + relation)) {
      while (rs.next() && types.size() < count) {
        types.add(rs.getString("column_type"));
      }
    }
    return types;
  }

  /** The first {@code count} columns of every row of {@code relation}, as DuckDB prints them. */
  static List<String[]> read(Connection db, String relation, int count) throws SQLException {
    List<String[]> rows = new ArrayList<>();
    try (Statement statement = db.createStatement();
        ResultSet rs = statement.executeQuery("SELECT * FROM " + relation)) {
      while (rs.next()) {
        String[] row = new String[count];
        for (int i = 0; i < count; i++) {
          Object value = rs.getObject(i + 1);
          row[i] = value == null ? null : value.toString();
        }
        rows.add(row);
      }
    }
    return rows;
  }

  /** Asserts {@code actual} holds the served rows (without headings), typed by {@code types}. */
  static void assertSameAsServed(List<String[]> served, List<String> types, List<String[]> actual) {
    assertThat(actual).hasSize(served.size() - 1);
    for (int r = 1; r < served.size(); r++) {
      String[] expected = served.get(r);
      String[] row = actual.get(r - 1);
      for (int c = 0; c < types.size(); c++) {
        String raw = c < expected.length ? expected[c] : "";
        assertThat(row[c]).as("row %d column %d", r, c).isEqualTo(typed(raw, types.get(c)));
      }
    }
  }

  private static String typed(String raw, String type) {
    if (raw.isEmpty()) {
      return null;
    }
    return switch (type) {
      case "DATE" ->
          raw.equals("0")
              ? null
              : raw.substring(0, 4) + "-" + raw.substring(4, 6) + "-" + raw.substring(6, 8);
      case "DOUBLE" -> String.valueOf(Double.parseDouble(raw));
      case "BOOLEAN" -> String.valueOf(raw.equalsIgnoreCase("yes") || raw.equalsIgnoreCase("true"));
      default -> raw;
    };
  }
}
