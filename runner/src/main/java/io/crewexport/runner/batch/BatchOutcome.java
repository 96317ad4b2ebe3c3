package io.crewexport.runner.batch;

import io.crewexport.runner.cli.ExitCode;
import java.util.List;

/**
 * What a batch did, unit by unit, in the planned order.
 *
 * @param runId the run's id
 * @param outcomes each unit's outcome (a split window gives one outcome per half)
 */
public record BatchOutcome(String runId, List<UnitOutcome> outcomes) {
  public BatchOutcome {
    outcomes = List.copyOf(outcomes);
  }

  /** The committed units. */
  public List<UnitOutcome> committed() {
    return outcomes.stream().filter(UnitOutcome::ok).toList();
  }

  /** The failed units. */
  public List<UnitOutcome> failed() {
    return outcomes.stream().filter(o -> !o.ok()).toList();
  }

  /**
   * The process exit code: 0; else the auth code if any unit was refused credentials; else 2 if any
   * unit's configuration is wrong (a column rule naming no column, say), since only the user can
   * fix it; else 4.
   */
  public int exitCode() {
    if (failed().isEmpty()) {
      return ExitCode.OK;
    }
    List<Integer> codes = failed().stream().map(o -> ExitCode.of(o.failure().code())).toList();
    if (codes.contains(ExitCode.AUTH)) {
      return ExitCode.AUTH;
    }
    return codes.contains(ExitCode.USAGE) ? ExitCode.USAGE : ExitCode.SOME_FAILED;
  }
}
