package io.crewexport.client;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How a long-running report is polled, within the vendor's clocks.
 *
 * @param maxAttempts how many times a report is requested before giving up (the vendor asks to be
 *     contacted then)
 * @param abandonAfter the vendor's limit for one attempt, request plus polling (5 minutes)
 * @param jobLifetime how long a job id lives after the original request (10 minutes)
 * @param expiryMargin kept free before the job's expiry, so the last poll is not lost in flight
 * @param firstInterval the wait before the first poll
 * @param maxInterval the longest wait between two polls
 * @param multiplier how the wait grows from one poll to the next
 */
public record PollingPolicy(
    int maxAttempts,
    Duration abandonAfter,
    Duration jobLifetime,
    Duration expiryMargin,
    Duration firstInterval,
    Duration maxInterval,
    double multiplier) {
  public PollingPolicy {
    requireNonNull(abandonAfter, "abandonAfter");
    requireNonNull(jobLifetime, "jobLifetime");
    requireNonNull(expiryMargin, "expiryMargin");
    requireNonNull(firstInterval, "firstInterval");
    requireNonNull(maxInterval, "maxInterval");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
    }
    if (multiplier < 1.0) {
      throw new IllegalArgumentException("multiplier must be at least 1: " + multiplier);
    }
  }

  /** 3 attempts; the vendor's 5 and 10 minutes; polls from 2 s growing by 1.5 to 30 s. */
  public static PollingPolicy defaults() {
    return new PollingPolicy(
        3,
        Duration.ofMinutes(5),
        Duration.ofMinutes(10),
        Duration.ofSeconds(30),
        Duration.ofSeconds(2),
        Duration.ofSeconds(30),
        1.5);
  }

  /** How long after the original request polling must stop: the earlier of the two limits. */
  public Duration pollingDeadline() {
    return expiryComesFirst() ? jobLifetime.minus(expiryMargin) : abandonAfter;
  }

  /** Whether the job's expiry (less the margin) comes before the abandon time. */
  public boolean expiryComesFirst() {
    return jobLifetime.minus(expiryMargin).compareTo(abandonAfter) < 0;
  }

  /** The wait before poll number {@code poll} (1 for the first), before jitter. */
  public Duration intervalBefore(int poll) {
    double millis = firstInterval.toMillis() * Math.pow(multiplier, Math.max(0, poll - 1));
    long capped = (long) Math.min(millis, maxInterval.toMillis());
    return Duration.ofMillis(capped);
  }
}
