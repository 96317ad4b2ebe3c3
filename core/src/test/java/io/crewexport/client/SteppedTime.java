package io.crewexport.client;

import io.crewexport.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Manual time for several threads: a sleeper blocks until the test moves the clock past its wake-up
 * time, so a test can see who is waiting, and for how long, before letting time pass.
 */
final class SteppedTime {
  private static final long PATIENCE_MILLIS = 10_000;

  private final ManualClock clock = new ManualClock();
  private final List<Duration> sleeps = new ArrayList<>();
  private int sleeping;

  ManualClock clock() {
    return clock;
  }

  Sleeper sleeper() {
    return duration -> {
      synchronized (this) {
        sleeps.add(duration);
        Instant wakeUp = clock.instant().plus(duration);
        sleeping++;
        notifyAll();
        try {
          while (clock.instant().isBefore(wakeUp)) {
            wait();
          }
        } finally {
          sleeping--;
        }
      }
    };
  }

  /** Moves the clock and wakes the sleepers whose time has come. */
  synchronized void advance(Duration duration) {
    clock.advance(duration);
    notifyAll();
  }

  /** Waits (in real time, briefly) until {@code count} threads are asleep. */
  synchronized void awaitSleeping(int count) throws InterruptedException {
    long giveUpAt = System.currentTimeMillis() + PATIENCE_MILLIS;
    while (sleeping < count) {
      long left = giveUpAt - System.currentTimeMillis();
      if (left <= 0) {
        throw new AssertionError(sleeping + " threads asleep, expected " + count);
      }
      wait(left);
    }
  }

  /** Every wait asked so far, in order. */
  synchronized List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }
}
