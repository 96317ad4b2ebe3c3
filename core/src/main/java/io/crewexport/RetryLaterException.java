package io.crewexport;

import java.time.Duration;
import java.util.Optional;

/**
 * A failure that may pass if the same work is tried again later: the vendor was rate limiting,
 * failing or unreachable after every retry allowed. Carries the wait the server asked for, if any.
 */
public class RetryLaterException extends CrewexportException {
  private static final long serialVersionUID = 1L;

  private final transient Duration retryAfter;

  public RetryLaterException(ErrorCode code, String message, Duration retryAfter, Throwable cause) {
    super(code, message, cause);
    this.retryAfter = retryAfter;
  }

  /** The wait the server asked for with {@code Retry-After}, if it did. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
