package io.crewexport.client.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a {@code Retry-After} header: a number of seconds ({@code 120}, also the odd {@code 2.0};
 * absurd values capped at a day), or an HTTP date in any of the three forms HTTP allows, which is
 * always GMT whatever the JVM's zone. Anything else is ignored, and the usual backoff applies.
 */
final class RetryAfter {
  private static final long MAX_SECONDS = 86_400;

  /** The obsolete asctime form, {@code Sun Nov 6 08:49:37 1994}, implicitly GMT. */
  private static final DateTimeFormatter ASCTIME =
      DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss uuuu", Locale.ENGLISH);

  private RetryAfter() {}

  /** The wait the header asks for, measured from {@code now}; never negative. */
  static Optional<Duration> parse(String value, Instant now) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String text = value.trim();
    Optional<Duration> seconds = seconds(text);
    return seconds.isPresent() ? seconds : date(text, now).map(at -> until(now, at));
  }

  private static Optional<Duration> seconds(String text) {
    try {
      BigDecimal seconds = new BigDecimal(text);
      if (seconds.signum() < 0) {
        return Optional.of(Duration.ZERO);
      }
      // Caps absurd values here; the retry policy caps again at its own limit.
      BigDecimal capped = seconds.min(BigDecimal.valueOf(MAX_SECONDS));
      return Optional.of(Duration.ofMillis(capped.movePointRight(3).longValue()));
    } catch (NumberFormatException | ArithmeticException e) {
      return Optional.empty();
    }
  }

  private static Optional<Instant> date(String text, Instant now) {
    for (DateTimeFormatter zoned : List.of(DateTimeFormatter.RFC_1123_DATE_TIME, rfc850(now))) {
      try {
        return Optional.of(ZonedDateTime.parse(text, zoned).toInstant());
      } catch (DateTimeParseException e) {
        // Try the next form.
      }
    }
    try {
      return Optional.of(LocalDateTime.parse(text, ASCTIME).toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * The obsolete RFC 850 form, {@code Sunday, 06-Nov-94 08:49:37 GMT}: its two-digit year is read
   * as the latest year not more than 50 years ahead of {@code now}, as HTTP asks.
   */
  private static DateTimeFormatter rfc850(Instant now) {
    int base = now.atZone(ZoneOffset.UTC).getYear() - 49;
    return new DateTimeFormatterBuilder()
        .parseCaseInsensitive()
        .appendPattern("EEEE, dd-MMM-")
        .appendValueReduced(ChronoField.YEAR, 2, 2, base)
        .appendPattern(" HH:mm:ss zzz")
        .toFormatter(Locale.ENGLISH);
  }

  private static Duration until(Instant now, Instant at) {
    Duration wait = Duration.between(now, at);
    if (wait.isNegative()) {
      return Duration.ZERO;
    }
    return wait.getSeconds() > MAX_SECONDS ? Duration.ofSeconds(MAX_SECONDS) : wait;
  }
}
