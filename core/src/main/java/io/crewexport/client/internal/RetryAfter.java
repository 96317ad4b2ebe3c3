package io.crewexport.client.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads a {@code Retry-After} header: a number of seconds ({@code 120}, also the odd {@code 2.0}),
 * or an HTTP date, which is always GMT whatever the JVM's zone. Anything else is ignored.
 */
final class RetryAfter {
  private RetryAfter() {}

  /** The wait the header asks for, measured from {@code now}; never negative. */
  static Optional<Duration> parse(String value, Instant now) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String text = value.trim();
    Optional<Duration> seconds = seconds(text);
    return seconds.isPresent() ? seconds : date(text, now);
  }

  private static Optional<Duration> seconds(String text) {
    try {
      BigDecimal seconds = new BigDecimal(text);
      if (seconds.signum() < 0) {
        return Optional.of(Duration.ZERO);
      }
      // Caps absurd values here; the retry policy caps again at its own limit.
      BigDecimal capped = seconds.min(BigDecimal.valueOf(86_400));
      return Optional.of(Duration.ofMillis(capped.movePointRight(3).longValue()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Optional<Duration> date(String text, Instant now) {
    try {
      Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration wait = Duration.between(now, at);
      return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
