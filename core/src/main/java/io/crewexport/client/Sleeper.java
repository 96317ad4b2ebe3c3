package io.crewexport.client;

import java.time.Duration;

/** Waits. Injected so tests step through the vendor's 30 s, 5 min and 10 min rules instantly. */
@FunctionalInterface
public interface Sleeper {

  /** Sleeps through the real clock. */
  Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

  /** Waits for {@code duration}; throws if the thread is interrupted. */
  void sleep(Duration duration) throws InterruptedException;
}
