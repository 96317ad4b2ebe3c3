package io.crewexport.testing;

import java.time.Instant;
import java.util.TimeZone;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Runs code under another default time zone of the JVM, as if started with {@code -Duser.timezone},
 * and restores the zone after.
 *
 * <pre>{@code
 * TimeZones.withDefault(TimeZones.AUCKLAND, () -> export(sink, target, rows));
 * }</pre>
 */
public final class TimeZones {
  /** A zone far from UTC, with daylight saving time. */
  public static final String AUCKLAND = "Pacific/Auckland";

  /**
   * 02:30 on 7 April 2024 in Auckland, the first of the two: clocks went back from 03:00 NZDT to
   * 02:00 NZST that night, so the local time names two instants. Its UTC date, 6 April, is not its
   * local one.
   */
  public static final Instant AUCKLAND_REPEATED_HOUR = Instant.parse("2024-04-06T13:30:00.123456Z");

  /**
   * 10:30 UTC on 10 March 2024, during the hour Los Angeles skipped: clocks went forward from 02:00
   * PST to 03:00 PDT, so 02:30 local time did not exist.
   */
  public static final Instant LOS_ANGELES_SKIPPED_HOUR =
      Instant.parse("2024-03-10T10:30:00.654321Z");

  private TimeZones() {}

  /**
   * Arguments for a parameterized test: a zone, an instant on one of its daylight-saving days whose
   * local time is repeated or skipped, and the UTC date of that instant.
   *
   * <pre>{@code
   * @ParameterizedTest
   * @MethodSource("io.crewexport.testing.TimeZones#daylightSavingDays")
   * void storesUtc(String zone, Instant instant, String utcDate) { ... }
   * }</pre>
   */
  public static Stream<Arguments> daylightSavingDays() {
    return Stream.of(
        Arguments.of(AUCKLAND, AUCKLAND_REPEATED_HOUR, "2024-04-06"),
        Arguments.of("America/Los_Angeles", LOS_ANGELES_SKIPPED_HOUR, "2024-03-10"));
  }

  /** Runs {@code action} with {@code zone} as the JVM's default time zone. */
  public static void withDefault(String zone, Runnable action) {
    TimeZone original = TimeZone.getDefault();
    try {
      TimeZone.setDefault(TimeZone.getTimeZone(zone));
      action.run();
    } finally {
      TimeZone.setDefault(original);
    }
  }
}
