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

  // Written out, identity first: the export compares the result inference gives after every batch
  // with the last, usually the same instance, and a record's generated equals costs a fresh JVM
  // dozens of generated method-handle classes at its first call.
  @Override
  public boolean equals(Object other) {
    return this == other
        || other instanceof InferredSchema that
            && columns.equals(that.columns)
            && policy.equals(that.policy);
  }

  @Override
  public int hashCode() {
    return 31 * columns.hashCode() + policy.hashCode();
  }
}
