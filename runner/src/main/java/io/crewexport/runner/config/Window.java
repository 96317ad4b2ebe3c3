package io.crewexport.runner.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.crewexport.Period;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a long period is split into one request (and one partition) per calendar window. Windows
 * follow the calendar, so the first and last may be partial.
 */
public enum Window {
  DAY,
  MONTH,
  QUARTER,
  YEAR;

  @JsonCreator
  public static Window parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a window: use day, month, quarter or year");
    }
  }

  /** The windows covering {@code period}, in order. */
  public List<Period> split(Period period) {
    List<Period> windows = new ArrayList<>();
    for (LocalDate start = period.start(); !start.isAfter(period.end()); ) {
      LocalDate end = min(endOfWindow(start), period.end());
      windows.add(Period.of(start, end));
      start = end.plusDays(1);
    }
    return windows;
  }

  private LocalDate endOfWindow(LocalDate day) {
    return switch (this) {
      case DAY -> day;
      case MONTH -> day.withDayOfMonth(day.lengthOfMonth());
      case QUARTER -> {
        LocalDate first = day.with(IsoFields.DAY_OF_QUARTER, 1);
        yield first.plusMonths(3).minusDays(1);
      }
      case YEAR -> day.withDayOfYear(day.lengthOfYear());
    };
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }
}
