package io.crewexport.sink.duckdb.internal;

import java.time.LocalDate;

/**
 * Quotes names and text into DuckDB SQL. Every identifier is quoted, even a safe one, and every
 * string literal escaped, because report headings and file paths come from outside.
 */
final class Sql {
  private Sql() {}

  /** {@code name} as a quoted identifier: {@code a"b} becomes {@code "a""b"}. */
  static String identifier(String name) {
    return '"' + withoutNul(name).replace("\"", "\"\"") + '"';
  }

  /** {@code schema.table} with both parts quoted. */
  static String table(String schema, String table) {
    return identifier(schema) + '.' + identifier(table);
  }

  /** {@code text} as a string literal: {@code it's} becomes {@code 'it''s'}. */
  static String literal(String text) {
    return '\'' + withoutNul(text).replace("'", "''") + '\'';
  }

  /** {@code date} as a date literal: {@code DATE '2024-01-31'}. */
  static String date(LocalDate date) {
    return "DATE " + literal(date.toString());
  }

  // DuckDB reads SQL text as a C string, so a NUL would end the statement in mid-literal.
  private static String withoutNul(String text) {
    return text.replace("\u0000", "");
  }
}
