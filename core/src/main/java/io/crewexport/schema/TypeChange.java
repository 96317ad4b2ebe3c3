package io.crewexport.schema;

import static java.util.Objects.requireNonNull;

/**
 * A column whose type changed from one export of a report to the next.
 *
 * @param name the column's safe name
 * @param from the type earlier exports wrote
 * @param to the type this export writes
 */
public record TypeChange(String name, ColumnType from, ColumnType to) {
  public TypeChange {
    requireNonNull(name, "name");
    requireNonNull(from, "from");
    requireNonNull(to, "to");
  }

  @Override
  public String toString() {
    return name + " " + from + " -> " + to;
  }
}
