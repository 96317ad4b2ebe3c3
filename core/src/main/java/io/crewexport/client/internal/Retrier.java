package io.crewexport.client.internal;

import feign.FeignException;
import feign.RetryableException;
import io.crewexport.CrewexportException;
import io.crewexport.ErrorCode;
import io.crewexport.RetryLaterException;
import io.crewexport.client.RetryPolicy;
import io.crewexport.client.Secret;
import io.crewexport.client.Sleeper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries one HTTP call after {@code 429}, {@code 5xx}, a {@code 200} that was not data, or a
 * network failure, with exponential backoff and jitter, honouring {@code Retry-After}. Each call
 * gets its own budget; {@code 400} and {@code 401} are returned at once.
 */
public final class Retrier {
  private static final Logger log = LoggerFactory.getLogger(Retrier.class);

  /** One HTTP call, returning the vendor's answer. */
  @FunctionalInterface
  public interface Call {
    Answer run() throws IOException;
  }

  private final RetryPolicy policy;
  private final Clock clock;
  private final Sleeper sleeper;
  private final DoubleSupplier random;
  private final PauseGate gate;

  public Retrier(
      RetryPolicy policy, Clock clock, Sleeper sleeper, DoubleSupplier random, PauseGate gate) {
    this.policy = policy;
    this.clock = clock;
    this.sleeper = sleeper;
    this.random = random;
    this.gate = gate;
  }

  /**
   * Runs {@code call} until it gives a final answer or the budget is spent.
   *
   * @param what names the call in log lines and messages, e.g. the report and period
   * @return data, a job ticket, or a failure that retrying cannot mend
   * @throws RetryLaterException when every try failed for a reason that may pass
   */
  public Answer run(String what, Call call) {
    Instant start = clock.instant();
    for (int attempt = 1; ; attempt++) {
      // A stop that came while the thread waited on something else (a token request, a socket
      // read, which ignore interrupts) must not be followed by another request.
      if (Thread.currentThread().isInterrupted()) {
        throw new CrewexportException(
            ErrorCode.INTERRUPTED, what + ": stopped before the request; nothing was committed.");
      }
      awaitGate(what);
      Duration wait;
      String reason;
      try {
        Answer answer = runUnwrapped(call);
        if (!(answer instanceof Answer.Failure failure) || !failure.retryable()) {
          return answer;
        }
        reason = "HTTP " + failure.status() + " " + failure.errorMessage();
        wait = waitFor(failure, attempt);
        if (!withinBudget(start, attempt, wait)) {
          throw gaveUp(what, attempt, failure, null);
        }
      } catch (IOException | FeignException e) {
        if (Thread.currentThread().isInterrupted()) {
          throw new CrewexportException(
              ErrorCode.INTERRUPTED, what + ": stopped; nothing was committed.", e);
        }
        rethrowUnlessNetworkFailure(e);
        Failures.untrustedCertificate(what, e)
            .ifPresent(
                untrusted -> {
                  throw untrusted;
                });
        // A network library may quote what it was sending, such as a header.
        reason = e.getClass().getSimpleName() + ": " + Secret.redact(e.getMessage());
        wait = jitter(policy.delayAfter(attempt));
        if (!withinBudget(start, attempt, wait)) {
          throw new RetryLaterException(
              ErrorCode.TRANSPORT,
              what
                  + ": the network failed "
                  + attempt
                  + " times ("
                  + reason
                  + ")."
                  + " Check the connection to Crewmojo and run again.",
              null,
              e);
        }
      }
      log.warn(
          "{}: {}; try {} of {} in {} ms",
          what,
          reason,
          attempt + 1,
          policy.maxAttempts(),
          wait.toMillis());
      sleep(what, wait);
    }
  }

  /**
   * Feign reports a failure while connecting or sending as a {@link RetryableException}, but one
   * while it buffers a small body as a plain {@link FeignException} around the {@link IOException}:
   * both are network failures. Other Feign exceptions are bugs, not weather.
   */
  private static void rethrowUnlessNetworkFailure(Exception e) {
    if (e instanceof FeignException feign
        && !(feign instanceof RetryableException)
        && !(feign.getCause() instanceof IOException)) {
      throw feign;
    }
  }

  /**
   * Runs {@code call}, turning a failed read of a small body back into the network failure it is:
   * Feign reads a body of known length up to 8 KiB itself, and wraps a reset or timeout there in a
   * plain {@code FeignException} rather than an {@code IOException}.
   */
  private static Answer runUnwrapped(Call call) throws IOException {
    try {
      return call.run();
    } catch (feign.FeignException e) {
      if (!(e instanceof feign.RetryableException) && e.getCause() instanceof IOException io) {
        throw io;
      }
      throw e;
    }
  }

  private Duration waitFor(Answer.Failure failure, int attempt) {
    Duration backoff = jitter(policy.delayAfter(attempt));
    if (failure.retryAfter().isEmpty()) {
      return backoff;
    }
    Duration asked = failure.retryAfter().get();
    Duration wait = asked.compareTo(policy.maxRetryAfter()) > 0 ? policy.maxRetryAfter() : asked;
    if (failure.status() == 429 || failure.status() == 503) {
      gate.pauseUntil(clock.instant().plus(wait));
    }
    return wait;
  }

  private boolean withinBudget(Instant start, int attempt, Duration wait) {
    Duration spent = Duration.between(start, clock.instant());
    return attempt < policy.maxAttempts() && spent.plus(wait).compareTo(policy.maxTotal()) <= 0;
  }

  /** Spreads waits over 50 % to 100 % of the backoff, so parallel callers do not retry in step. */
  private Duration jitter(Duration delay) {
    return Duration.ofMillis((long) (delay.toMillis() * (0.5 + 0.5 * random.getAsDouble())));
  }

  private static RetryLaterException gaveUp(
      String what, int attempts, Answer.Failure failure, Throwable cause) {
    ErrorCode code = Failures.codeOf(failure.status());
    return new RetryLaterException(
        code,
        Failures.describe(what, failure)
            + " after "
            + attempts
            + " tries. "
            + Failures.advice(code),
        failure.retryAfter().orElse(null),
        cause);
  }

  private void awaitGate(String what) {
    try {
      gate.awaitOpen(sleeper);
    } catch (InterruptedException e) {
      throw interrupted(what, e);
    }
  }

  private void sleep(String what, Duration wait) {
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      throw interrupted(what, e);
    }
  }

  /** The failure of {@code what} stopped while it waited (Ctrl-C, shutdown). */
  static CrewexportException interrupted(String what, InterruptedException e) {
    Thread.currentThread().interrupt();
    return new CrewexportException(
        ErrorCode.INTERRUPTED, what + ": stopped while waiting; nothing was written.", e);
  }
}
