package io.crewexport.sink.duckdb.internal;

import static java.util.Objects.requireNonNull;

/**
 * A column of a DuckDB table, as an export wants it or as the catalog holds it.
 *
 * @param name the column name, unquoted
 * @param type the column type
 * @param comment the column comment, empty for none
 */
record TableColumn(String name, SqlType type, String comment) {
  TableColumn {
    requireNonNull(name, "name");
    requireNonNull(type, "type");
    requireNonNull(comment, "comment");
  }
}
