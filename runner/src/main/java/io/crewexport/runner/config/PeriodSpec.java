package io.crewexport.runner.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.crewexport.Period;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A period as written in the config: fixed ({@code 2024-01-01..2024-12-31}), relative to today
 * ({@code yesterday}, {@code last-month}, {@code month-to-date}, {@code year-to-date}, {@code
 * last-7-days}), {@code none} for a snapshot, or {@code since-last-run}.
 */
public record PeriodSpec(String text) {
  private static final Pattern FIXED =
      Pattern.compile("\\s*([0-9-]{8,10})\\s*\\.\\.\\s*([0-9-]{8,10})\\s*");
  private static final Pattern LAST_DAYS = Pattern.compile("last-(\\d{1,4})-days");

  public PeriodSpec {
    text = text.trim().toLowerCase(Locale.ROOT);
    if (!isKnown(text)) {
      throw new IllegalArgumentException(
          "'"
              + text
              + "' is not a period: use 2024-01-01..2024-12-31, yesterday, last-month,"
              + " month-to-date, year-to-date, last-N-days, since-last-run or none");
    }
    Matcher fixed = FIXED.matcher(text);
    if (fixed.matches()) {
      // Checked now, so a bad date fails when the config loads, naming its line.
      Period.parse(fixed.group(1), fixed.group(2));
    }
    Matcher lastDays = LAST_DAYS.matcher(text);
    if (lastDays.matches() && Integer.parseInt(lastDays.group(1)) < 1) {
      throw new IllegalArgumentException(
          "'"
              + text
              + "' holds no day: last-N-days needs N of 1 or more (last-1-days is yesterday)");
    }
  }

  @JsonCreator
  public static PeriodSpec parse(String text) {
    return new PeriodSpec(text);
  }

  @JsonValue
  @Override
  public String text() {
    return text;
  }

  /** Whether the period starts where the last committed export ended. */
  public boolean sinceLastRun() {
    return text.equals("since-last-run");
  }

  /** Whether this asks for a snapshot, with no period. */
  public boolean snapshot() {
    return text.equals("none");
  }

  /**
   * The period on {@code today} (in the config's time zone).
   *
   * @param lastEnd for {@code since-last-run}: the end of the last committed period, if any
   * @param initialStart for {@code since-last-run} with nothing committed yet
   * @return empty for a snapshot, or when {@code since-last-run} finds nothing new to export
   */
  public Optional<Period> resolve(
      LocalDate today, Optional<LocalDate> lastEnd, Optional<LocalDate> initialStart) {
    LocalDate yesterday = today.minusDays(1);
    Matcher fixed = FIXED.matcher(text);
    if (fixed.matches()) {
      return Optional.of(Period.parse(fixed.group(1), fixed.group(2)));
    }
    Matcher lastDays = LAST_DAYS.matcher(text);
    if (lastDays.matches()) {
      int days = Integer.parseInt(lastDays.group(1));
      return Optional.of(Period.of(today.minusDays(days), yesterday));
    }
    return switch (text) {
      case "none" -> Optional.empty();
      case "yesterday" -> Optional.of(Period.of(yesterday, yesterday));
      case "last-month" -> {
        LocalDate first = today.withDayOfMonth(1).minusMonths(1);
        yield Optional.of(Period.of(first, first.plusMonths(1).minusDays(1)));
      }
      case "month-to-date" -> Optional.of(Period.of(today.withDayOfMonth(1), today));
      case "year-to-date" -> Optional.of(Period.of(today.withDayOfYear(1), today));
      case "since-last-run" -> sinceLastRun(yesterday, lastEnd, initialStart);
      default -> throw new IllegalStateException("checked in the constructor: " + text);
    };
  }

  private static Optional<Period> sinceLastRun(
      LocalDate yesterday, Optional<LocalDate> lastEnd, Optional<LocalDate> initialStart) {
    LocalDate start = lastEnd.map(end -> end.plusDays(1)).or(() -> initialStart).orElseThrow();
    return start.isAfter(yesterday) ? Optional.empty() : Optional.of(Period.of(start, yesterday));
  }

  private static boolean isKnown(String text) {
    return FIXED.matcher(text).matches()
        || LAST_DAYS.matcher(text).matches()
        || switch (text) {
          case "none",
              "yesterday",
              "last-month",
              "month-to-date",
              "year-to-date",
              "since-last-run" ->
              true;
          default -> false;
        };
  }
}
