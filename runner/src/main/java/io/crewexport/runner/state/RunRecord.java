package io.crewexport.runner.state;

import java.time.Instant;
import java.util.List;

/**
 * The last run, as far as {@code --resume} needs it.
 *
 * @param runId the run's id
 * @param startedAt when it started
 * @param complete whether it finished (successfully or not) rather than crashed
 * @param units the export units it planned, by key, with the sinks each was to write
 */
public record RunRecord(
    String runId, Instant startedAt, boolean complete, List<PlannedUnit> units) {
  public RunRecord {
    units = units == null ? List.of() : List.copyOf(units);
  }

  /**
   * One planned export.
   *
   * @param account the account's name
   * @param reportId the report
   * @param start the period's start, or null for a snapshot
   * @param end the period's end, or null for a snapshot
   * @param sinks the sinks it was to write
   */
  public record PlannedUnit(
      String account,
      String reportId,
      java.time.LocalDate start,
      java.time.LocalDate end,
      List<String> sinks) {
    public PlannedUnit {
      sinks = List.copyOf(sinks);
    }
  }

  RunRecord completed() {
    return new RunRecord(runId, startedAt, true, units);
  }
}
