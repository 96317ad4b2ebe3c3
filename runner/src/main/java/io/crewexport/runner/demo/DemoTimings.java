package io.crewexport.runner.demo;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * The vendor's clocks as the demo server applies them, usually scaled down so that a demonstration
 * or a test does not wait half a minute for each long-running report.
 *
 * <pre>{@code
 * DemoTimings fast =
 *     new DemoTimings(Duration.ofMillis(20), Duration.ofSeconds(5), Duration.ofMinutes(1));
 * }</pre>
 *
 * @param jobThreshold how long a report may take to generate before the download answers with a job
 *     id instead of the data; such a download waits this long before it answers (the vendor: 30
 *     seconds)
 * @param jobExpiry how long after the original request a job id stays valid (the vendor: 10
 *     minutes)
 * @param tokenLifetime how long an access token is valid (the vendor: 30 minutes); the token
 *     answer's {@code expires_in} gives it in whole seconds, rounded down
 */
public record DemoTimings(Duration jobThreshold, Duration jobExpiry, Duration tokenLifetime) {

  public DemoTimings {
    requireNonNull(jobThreshold, "jobThreshold");
    requireNonNull(jobExpiry, "jobExpiry");
    requireNonNull(tokenLifetime, "tokenLifetime");
    if (jobThreshold.isNegative()) {
      throw new IllegalArgumentException("jobThreshold must not be negative: " + jobThreshold);
    }
    if (jobExpiry.compareTo(jobThreshold) <= 0) {
      // A job whose id expires before the POST hands it out could never be polled.
      throw new IllegalArgumentException(
          "jobExpiry " + jobExpiry + " must be longer than jobThreshold " + jobThreshold);
    }
    if (tokenLifetime.isNegative() || tokenLifetime.isZero()) {
      throw new IllegalArgumentException("tokenLifetime must be positive: " + tokenLifetime);
    }
  }

  /** The vendor's real clocks: 30 s threshold, 10 min job expiry, 30 min tokens. */
  public static DemoTimings vendor() {
    return new DemoTimings(Duration.ofSeconds(30), Duration.ofMinutes(10), Duration.ofMinutes(30));
  }

  /**
   * Clocks for the {@code crewexport demo} showcase: a 1 s threshold and a 20 s job expiry, so that
   * {@link GeneratedReport#people()} (3 s to generate) takes the job path and finishes in a few
   * seconds. Tokens keep the vendor's 30 minutes.
   */
  public static DemoTimings demo() {
    return new DemoTimings(Duration.ofSeconds(1), Duration.ofSeconds(20), Duration.ofMinutes(30));
  }
}
