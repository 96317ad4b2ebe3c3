package io.crewexport.sink.duckdb.internal;

import io.crewexport.schema.ColumnType;
import java.util.Arrays;

/** The DuckDB column types this sink writes, and {@link #OTHER} for any a user chose instead. */
enum SqlType {
  VARCHAR("VARCHAR", "VARCHAR"),
  BIGINT("BIGINT", "BIGINT"),
  DOUBLE("DOUBLE", "DOUBLE"),
  BOOLEAN("BOOLEAN", "BOOLEAN"),
  DATE("DATE", "DATE"),
  TIMESTAMPTZ("TIMESTAMPTZ", "TIMESTAMP WITH TIME ZONE"),
  /** A type this sink never writes; such a column only ever receives nulls. */
  OTHER("", "");

  private final String sql;
  private final String catalogName;

  SqlType(String sql, String catalogName) {
    this.sql = sql;
    this.catalogName = catalogName;
  }

  /** The type that holds a report column of type {@code type}. */
  static SqlType of(ColumnType type) {
    return switch (type) {
      case TEXT -> VARCHAR;
      case BIGINT -> BIGINT;
      case DOUBLE -> DOUBLE;
      case BOOLEAN -> BOOLEAN;
      case DATE -> DATE;
    };
  }

  /** The type DuckDB's catalog ({@code duckdb_columns().data_type}) names {@code dataType}. */
  static SqlType fromCatalog(String dataType) {
    return Arrays.stream(values())
        .filter(type -> type != OTHER && type.catalogName.equals(dataType))
        .findFirst()
        .orElse(OTHER);
  }

  /**
   * The narrowest type that holds the values of both types without loss: whole numbers widen to
   * decimals, any other mix to text.
   */
  SqlType widen(SqlType other) {
    if (this == other) {
      return this;
    }
    if ((this == BIGINT && other == DOUBLE) || (this == DOUBLE && other == BIGINT)) {
      return DOUBLE;
    }
    return VARCHAR;
  }

  /** The type as written in DDL. */
  String sql() {
    if (this == OTHER) {
      throw new IllegalStateException("this sink never declares a column of another type");
    }
    return sql;
  }
}
