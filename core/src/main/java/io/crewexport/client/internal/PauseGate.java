package io.crewexport.client.internal;

import io.crewexport.client.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Holds every call to one account back while the vendor asked, with {@code 429} or {@code 503} and
 * a {@code Retry-After}, to wait: parallel exports back off together instead of each hitting the
 * limit in turn.
 */
public final class PauseGate {
  private final Clock clock;
  private Instant openAt = Instant.MIN;

  public PauseGate(Clock clock) {
    this.clock = clock;
  }

  /** Keeps calls back until {@code until}, unless a longer pause is already in force. */
  public synchronized void pauseUntil(Instant until) {
    if (until.isAfter(openAt)) {
      openAt = until;
    }
  }

  /** Waits until the gate is open. */
  public void awaitOpen(Sleeper sleeper) throws InterruptedException {
    for (Duration wait = remaining(); !wait.isZero(); wait = remaining()) {
      sleeper.sleep(wait);
    }
  }

  private synchronized Duration remaining() {
    Duration wait = Duration.between(clock.instant(), openAt);
    return wait.isNegative() ? Duration.ZERO : wait;
  }
}
