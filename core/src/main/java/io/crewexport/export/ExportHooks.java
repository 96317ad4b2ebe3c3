package io.crewexport.export;

import io.crewexport.ReportRequest;
import io.crewexport.schema.ReportSchema;

/**
 * Where a caller steers an export between download and write: the schema to write with, a check of
 * the body before any sink opens, and a transform of every row. Each default changes nothing.
 *
 * <pre>{@code
 * ExportHooks hooks = new ExportHooks() {
 *   public void check(ReportRequest request, long rows) {
 *     if (rows == 0) throw new CrewexportException(ErrorCode.SUSPICIOUS_REPORT, "empty");
 *   }
 * };
 * }</pre>
 */
public interface ExportHooks {

  /** Hooks that change nothing. */
  ExportHooks NONE = new ExportHooks() {};

  /**
   * The schema to write with, given the one inferred from this body: the same columns in the same
   * order, each type at least as wide as inferred (a report's earlier exports may have widened it).
   * Cells are converted with the returned types.
   */
  default ReportSchema schemaToWrite(ReportRequest request, ReportSchema inferred) {
    return inferred;
  }

  /**
   * Checks the body after it was read once and before any sink opens; throwing refuses the export
   * with nothing written.
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
