package io.crewexport.schema;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What type inference learnt from one export, in the order of the report's columns, with the policy
 * to apply. {@link SchemaEvolution} turns it into the schema to write with.
 *
 * @param columns the report's columns as read, in order
 * @param policy the pins and the all-text switch
 */
public record InferredSchema(List<InferredColumn> columns, SchemaPolicy policy) {
  public InferredSchema {
    columns = List.copyOf(requireNonNull(columns, "columns"));
    requireNonNull(policy, "policy");
  }

  /** The schema of a report's first export: inferred types, pins applied. */
  public ReportSchema schema() {
    return SchemaEvolution.first(this).schema();
  }
}
