package io.crewexport.schema;

import static java.util.Objects.requireNonNull;

/**
 * The schema an export writes with, how to convert its rows, and how it differs from the stored
 * one. The run state keeps {@link #schema} for the report's next export.
 *
 * @param schema the schema to write with, and to store
 * @param converter turns each row as read into values of {@code schema}
 * @param drift what changed since the stored schema, and notices for the user
 */
public record EvolvedSchema(ReportSchema schema, RowConverter converter, SchemaDrift drift) {
  public EvolvedSchema {
    requireNonNull(schema, "schema");
    requireNonNull(converter, "converter");
    requireNonNull(drift, "drift");
    if (!converter.schema().equals(schema)) {
      throw new IllegalArgumentException("the converter follows another schema");
    }
  }
}
