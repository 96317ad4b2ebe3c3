package io.crewexport.schema;

import static java.util.Objects.requireNonNull;

/**
 * One column of a report.
 *
 * @param heading the vendor's heading, exactly as sent (may be empty or repeated)
 * @param name a unique, safe, lower snake case name, used by Parquet and DuckDB
 * @param type the column's type
 */
public record Column(String heading, String name, ColumnType type) {
  public Column {
    requireNonNull(heading, "heading");
    requireNonNull(name, "name");
    requireNonNull(type, "type");
    if (!ColumnNames.isSafe(name)) {
      throw new IllegalArgumentException("column name is not safe: " + name);
    }
  }

  /** This column with another type. */
  public Column withType(ColumnType newType) {
    return new Column(heading, name, newType);
  }
}
