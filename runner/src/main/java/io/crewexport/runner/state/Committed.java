package io.crewexport.runner.state;

import io.crewexport.Period;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One export committed to one sink.
 *
 * @param start the period's start, or null for a snapshot
 * @param end the period's end, or null for a snapshot
 * @param snapshot the snapshot's date, or null for a period
 * @param rows rows committed
 * @param runId the run that committed it
 * @param at when it committed
 */
public record Committed(
    LocalDate start, LocalDate end, LocalDate snapshot, long rows, String runId, Instant at) {

  /** The period, or null for a snapshot. */
  public Period period() {
    return start == null ? null : Period.of(start, end);
  }

  /** Whether this is the export of {@code period} (or of a snapshot on {@code snapshotDate}). */
  public boolean covers(Period period, LocalDate snapshotDate) {
    return period == null
        ? start == null && snapshotDate.equals(snapshot)
        : start != null && period.equals(period());
  }
}
