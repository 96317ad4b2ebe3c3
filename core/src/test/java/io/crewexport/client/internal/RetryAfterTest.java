package io.crewexport.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.TimeZone;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class RetryAfterTest {
  private static final Instant NOW = Instant.parse("2024-06-01T08:00:00Z");

  @ParameterizedTest
  @CsvSource({
    "120, PT2M",
    "0, PT0S",
    "2.0, PT2S",
    "1.5, PT1.5S",
    "' 7 ', PT7S",
    "-3, PT0S",
    "99999999999999999999999, PT24H",
    "1e12, PT24H"
  })
  void readsSecondsIncludingOddValues(String header, Duration expected) {
    assertThat(RetryAfter.parse(header, NOW)).contains(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"UTC", "Pacific/Kiritimati", "America/Los_Angeles", "Asia/Kolkata"})
  void readsEveryHttpDateFormAsGmtWhateverTheJvmZone(String zone) {
    TimeZone original = TimeZone.getDefault();
    try {
      TimeZone.setDefault(TimeZone.getTimeZone(zone));

      assertThat(RetryAfter.parse("Sat, 01 Jun 2024 08:00:30 GMT", NOW))
          .contains(Duration.ofSeconds(30));
      assertThat(RetryAfter.parse("Saturday, 01-Jun-24 08:01:00 GMT", NOW))
          .contains(Duration.ofMinutes(1));
      assertThat(RetryAfter.parse("Sat Jun  1 08:02:00 2024", NOW)).contains(Duration.ofMinutes(2));
    } finally {
      TimeZone.setDefault(original);
    }
  }

  @ParameterizedTest
  @CsvSource({"'Fri, 31 May 2024 23:00:00 GMT', PT0S", "'Sun, 01 Jun 2025 08:00:00 GMT', PT24H"})
  void clampsDatesInThePastOrFarAhead(String header, Duration expected) {
    assertThat(RetryAfter.parse(header, NOW)).contains(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "soon", "NaN", "Infinity", "2024-06-01T08:00:30Z"})
  void ignoresWhatItCannotRead(String header) {
    assertThat(RetryAfter.parse(header, NOW)).isEqualTo(Optional.empty());
  }
}
