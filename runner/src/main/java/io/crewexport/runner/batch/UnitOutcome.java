package io.crewexport.runner.batch;

import io.crewexport.CrewexportException;
import io.crewexport.export.ExportResult;
import io.crewexport.runner.plan.ExportUnit;
import java.util.Optional;

/**
 * What became of one export unit: its result, or why it failed.
 *
 * @param unit the unit
 * @param result the committed export; with a failure, the sinks that committed before it, or null
 * @param failure why it failed, or null
 */
public record UnitOutcome(ExportUnit unit, ExportResult result, CrewexportException failure) {
  public static UnitOutcome committed(ExportUnit unit, ExportResult result) {
    return new UnitOutcome(unit, result, null);
  }

  public static UnitOutcome failed(ExportUnit unit, CrewexportException failure) {
    return new UnitOutcome(unit, null, failure);
  }

  /** A unit that committed to the sinks of {@code partial} and failed on the others. */
  public static UnitOutcome partlyCommitted(
      ExportUnit unit, ExportResult partial, CrewexportException failure) {
    return new UnitOutcome(unit, partial, failure);
  }

  public Optional<ExportResult> optionalResult() {
    return Optional.ofNullable(result);
  }

  public boolean ok() {
    return failure == null;
  }
}
