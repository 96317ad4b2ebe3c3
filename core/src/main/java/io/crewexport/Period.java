package io.crewexport;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * A reporting period: two calendar dates, both inclusive, start not after end.
 *
 * <pre>{@code
 * Period year = Period.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31));
 * Period same = Period.parse("20240101", "2024-12-31");
 * }</pre>
 */
public record Period(LocalDate start, LocalDate end) {
  private static final DateTimeFormatter BASIC =
      DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

  public Period {
    requireNonNull(start, "start");
    requireNonNull(end, "end");
    if (start.isAfter(end)) {
      throw new CrewexportException(
          ErrorCode.INVALID_REQUEST,
          "Period start " + start + " is after its end " + end + ": swap the two dates.");
    }
  }

  public static Period of(LocalDate start, LocalDate end) {
    return new Period(start, end);
  }

  /** Parses two dates written as {@code 2024-01-31} or {@code 20240131}. */
  public static Period parse(String start, String end) {
    return new Period(parseDate(start), parseDate(end));
  }

  /**
   * Parses one date written as {@code 2024-01-31} or {@code 20240131}; real calendar dates only.
   */
  public static LocalDate parseDate(String text) {
    requireNonNull(text, "text");
    String trimmed = text.trim();
    try {
      if (trimmed.length() == 8 && trimmed.chars().allMatch(Character::isDigit)) {
        return LocalDate.parse(trimmed, BASIC);
      }
      return LocalDate.parse(trimmed);
    } catch (DateTimeParseException e) {
      throw new CrewexportException(
          ErrorCode.INVALID_REQUEST,
          "'" + text + "' is not a calendar date: write it as 2024-01-31 or 20240131.",
          e);
    }
  }

  /** The start as the vendor's {@code yyyymmdd} number. */
  public int startNumber() {
    return toNumber(start);
  }

  /** The end as the vendor's {@code yyyymmdd} number. */
  public int endNumber() {
    return toNumber(end);
  }

  /** Whether every day of {@code other} lies inside this period. */
  public boolean contains(Period other) {
    return !other.start.isBefore(start) && !other.end.isAfter(end);
  }

  /** Whether the two periods share at least one day. */
  public boolean overlaps(Period other) {
    return !other.end.isBefore(start) && !other.start.isAfter(end);
  }

  private static int toNumber(LocalDate date) {
    return date.getYear() * 10_000 + date.getMonthValue() * 100 + date.getDayOfMonth();
  }

  @Override
  public String toString() {
    return start + ".." + end;
  }
}
