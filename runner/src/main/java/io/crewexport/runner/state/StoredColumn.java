package io.crewexport.runner.state;

import io.crewexport.schema.Column;
import io.crewexport.schema.ColumnType;

/**
 * A column as the state stores it.
 *
 * @param name the safe name
 * @param heading the vendor's heading
 * @param type the type written
 */
public record StoredColumn(String name, String heading, ColumnType type) {
  public static StoredColumn of(Column column) {
    return new StoredColumn(column.name(), column.heading(), column.type());
  }

  public Column toColumn() {
    return new Column(heading, name, type);
  }
}
