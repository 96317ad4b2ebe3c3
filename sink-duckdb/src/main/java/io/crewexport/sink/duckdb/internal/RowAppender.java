package io.crewexport.sink.duckdb.internal;

import io.crewexport.schema.Column;
import io.crewexport.schema.ReportSchema;
import io.crewexport.spi.ExportTarget;
import io.crewexport.spi.Row;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBAppender;

/**
 * Appends report rows to a table through DuckDB's appender, one value for each table column in
 * table order: the report's value, the export's lineage, or null for a column this export lacks.
 */
final class RowAppender {
  /** Where the value of one table column comes from. */
  private record Slot(String name, SqlType type, Column reportColumn, int index, Object constant) {}

  private final List<Slot> slots;
  private final int reportWidth;

  private RowAppender(List<Slot> slots, int reportWidth) {
    this.slots = List.copyOf(slots);
    this.reportWidth = reportWidth;
  }

  /** A row appender for {@code tableColumns}, as the table holds them after migration. */
  static RowAppender plan(
      List<TableColumn> tableColumns, ReportSchema schema, ExportTarget target) {
    Map<String, Integer> reportIndexes = new HashMap<>();
    for (int i = 0; i < schema.size(); i++) {
      reportIndexes.put(schema.column(i).name(), i);
    }
    Map<String, Object> lineage = new HashMap<>();
    for (LineageColumn column : LineageColumn.values()) {
      lineage.put(column.columnName(), column.valueFor(target));
    }

    List<Slot> slots = new ArrayList<>();
    for (TableColumn column : tableColumns) {
      Integer index = reportIndexes.get(column.name());
      Column reportColumn = index == null ? null : schema.column(index);
      int position = index == null ? -1 : index;
      slots.add(
          new Slot(
              column.name(), column.type(), reportColumn, position, lineage.get(column.name())));
    }
    return new RowAppender(slots, schema.size());
  }

  /**
   * Appends {@code row} as one table row.
   *
   * @throws IllegalArgumentException if the row does not match the report schema
   */
  void append(DuckDBAppender appender, Row row) throws SQLException {
    if (row.size() != reportWidth) {
      throw new IllegalArgumentException(
          "row has " + row.size() + " values, the report has " + reportWidth + " columns");
    }
    appender.beginRow();
    for (Slot slot : slots) {
      appendValue(appender, slot.type(), valueOf(slot, row));
    }
    appender.endRow();
  }

  private static Object valueOf(Slot slot, Row row) {
    if (slot.reportColumn() == null) {
      return slot.constant();
    }
    Object value = row.get(slot.index());
    Class<?> expected = slot.reportColumn().type().valueClass();
    if (value != null && !expected.isInstance(value)) {
      throw new IllegalArgumentException(
          "column "
              + slot.name()
              + " is "
              + slot.reportColumn().type()
              + ", but the row holds a "
              + value.getClass().getSimpleName());
    }
    return value;
  }

  // The table may hold a wider type than the report's (text for numbers, say) after a column
  // was widened, so each value is converted to the table's type, never the other way.
  private static void appendValue(DuckDBAppender appender, SqlType type, Object value)
      throws SQLException {
    if (value == null) {
      appender.appendNull();
      return;
    }
    switch (type) {
      case VARCHAR -> appender.append(value.toString());
      case BIGINT -> appender.append((long) (Long) value);
      case DOUBLE -> appender.append(((Number) value).doubleValue());
      case BOOLEAN -> appender.append((boolean) (Boolean) value);
      case DATE -> appender.append((LocalDate) value);
      case TIMESTAMPTZ -> appender.appendEpochMicros(epochMicros((Instant) value));
      case OTHER -> throw new IllegalStateException("a column of another type only gets nulls");
    }
  }

  private static long epochMicros(Instant instant) {
    return Math.addExact(
        Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000L);
  }
}
