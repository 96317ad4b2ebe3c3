package io.crewexport.export;

import io.crewexport.ReportRequest;
import io.crewexport.schema.EvolvedSchema;
import io.crewexport.schema.InferredSchema;
import io.crewexport.schema.ReportSchema;
import io.crewexport.schema.SchemaEvolution;
import io.crewexport.schema.SchemaPolicy;

/**
 * Where a caller steers an export between download and write: the type policy, the schema to write
 * with (given the report's earlier exports), a check of the body before any sink commits, a
 * transform of every row, and progress. Each default changes nothing.
 *
 * <pre>{@code
 * ExportHooks hooks = new ExportHooks() {
 *   public void check(ReportRequest request, ReportSchema schema, long rows) {
 *     if (rows == 0) throw new CrewexportException(ErrorCode.SUSPICIOUS_REPORT, "empty");
 *   }
 * };
 * }</pre>
 */
public interface ExportHooks {

  /** Hooks that change nothing. */
  ExportHooks NONE = new ExportHooks() {};

  /** The pins and all-text switch that inference applies. */
  default SchemaPolicy policy(ReportRequest request) {
    return SchemaPolicy.INFER;
  }

  /**
   * The schema to write with, given what inference learnt from this body: by default the inferred
   * one; a caller that keeps the report's earlier schema returns {@link SchemaEvolution#evolve} so
   * every partition reads together.
   */
  default EvolvedSchema evolve(ReportRequest request, InferredSchema inferred) {
    return SchemaEvolution.first(inferred);
  }

  /**
   * Checks the whole body once it was read, before any sink commits (and before any sink opens when
   * the body is small enough to be typed from its first rows); throwing refuses the export and
   * aborts every sink, so nothing is committed.
   *
   * @param rows the body's row count
   */
  default void check(ReportRequest request, ReportSchema schema, long rows) {}

  /** Told, while the body streams in, how many bytes arrived so far; for progress displays. */
  default void downloaded(long bytes) {}

  /** Told, every few thousand rows, how many rows were written so far; for progress displays. */
  default void written(long rows) {}

  /** The transform applied to every row of this export, made for {@code schema}. */
  default RowTransform transform(ReportRequest request, ReportSchema schema) {
    return RowTransform.identity(schema);
  }
}
