package io.crewexport.client;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How one HTTP call is retried after a {@code 429}, a {@code 5xx} or a network failure: exponential
 * backoff with jitter, bounded in count and in total time. Each call has its own budget.
 *
 * @param maxAttempts tries per call, the first included
 * @param firstDelay the wait before the second try
 * @param maxDelay the longest wait between two tries
 * @param maxTotal the longest time one call may spend retrying
 * @param maxRetryAfter the longest {@code Retry-After} honoured; longer ones are capped
 */
public record RetryPolicy(
    int maxAttempts,
    Duration firstDelay,
    Duration maxDelay,
    Duration maxTotal,
    Duration maxRetryAfter) {
  public RetryPolicy {
    requireNonNull(firstDelay, "firstDelay");
    requireNonNull(maxDelay, "maxDelay");
    requireNonNull(maxTotal, "maxTotal");
    requireNonNull(maxRetryAfter, "maxRetryAfter");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
    }
  }

  /** 5 tries, waits from 1 s doubling to 60 s, at most 10 minutes per call. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(
        5,
        Duration.ofSeconds(1),
        Duration.ofSeconds(60),
        Duration.ofMinutes(10),
        Duration.ofMinutes(5));
  }

  /** The wait before try {@code attempt + 1}, before jitter: {@code firstDelay * 2^(attempt-1)}. */
  public Duration delayAfter(int attempt) {
    long factor = 1L << Math.min(attempt - 1, 20);
    Duration delay = firstDelay.multipliedBy(factor);
    return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
  }
}
