package io.crewexport.spi;

import static java.util.Objects.requireNonNull;

import io.crewexport.CrewexportException;
import io.crewexport.ErrorCode;
import io.crewexport.Period;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * The rule every sink follows when a new export meets the exports stored for its report, so a
 * reader of the whole report never counts a row twice.
 *
 * <ul>
 *   <li>The new export replaces, in its commit, every stored export whose period lies inside its
 *       own, the same period included: a nightly month-to-date replaces yesterday's.
 *   <li>A stored period that overlaps the new one without lying inside it (it sticks out, or it
 *       holds the new period) is a conflict: the sink refuses the export with a {@code
 *       CONFIGURATION} error naming both periods, unless the export sets {@link
 *       ExportTarget#ALLOW_OVERLAP}, in which case both are kept.
 *   <li>A snapshot (no period) replaces the snapshot of the same UTC day only; periods and
 *       snapshots never replace each other.
 * </ul>
 *
 * <pre>{@code
 * PeriodReplacement.requireNoConflict("jsonl", target, storedPeriods);
 * storedPeriods.stream().filter(p -> PeriodReplacement.replaces(target, p)).forEach(this::delete);
 * }</pre>
 */
public final class PeriodReplacement {
  private static final Comparator<Period> ORDER =
      Comparator.comparing(Period::start).thenComparing(Period::end);

  private PeriodReplacement() {}

  /** Whether an export for {@code target} replaces the stored export of period {@code stored}. */
  public static boolean replaces(ExportTarget target, Period stored) {
    requireNonNull(stored, "stored");
    return target.optionalPeriod().map(period -> period.contains(stored)).orElse(false);
  }

  /** Whether {@code stored} overlaps {@code target}'s period without lying inside it. */
  public static boolean conflicts(ExportTarget target, Period stored) {
    requireNonNull(stored, "stored");
    return target
        .optionalPeriod()
        .map(period -> period.overlaps(stored) && !period.contains(stored))
        .orElse(false);
  }

  /**
   * Refuses an export for {@code target} if a stored period conflicts with it, unless the target
   * allows overlaps.
   *
   * @param sinkName the sink, for the message
   * @param stored the periods of the exports the sink holds for the report
   * @throws CrewexportException {@code CONFIGURATION}, naming both periods and the ways out
   */
  public static void requireNoConflict(
      String sinkName, ExportTarget target, Collection<Period> stored) {
    Optional<Period> conflict =
        stored.stream().filter(period -> conflicts(target, period)).sorted(ORDER).findFirst();
    if (conflict.isEmpty() || target.allowsOverlap()) {
      return;
    }
    Period period = target.period();
    Period other = conflict.get();
    throw new CrewexportException(
        ErrorCode.CONFIGURATION,
        "The "
            + sinkName
            + " sink refuses to export "
            + target.describe()
            + ": it holds an export of "
            + target.reportId()
            + " for "
            + other
            + ", which overlaps "
            + period
            + " without lying inside it, so a reader of the whole report would count the days"
            + " they share twice. Export a period that covers "
            + other
            + " entirely, delete that export, or set the sink option "
            + ExportTarget.ALLOW_OVERLAP
            + "=true to keep both.");
  }
}
