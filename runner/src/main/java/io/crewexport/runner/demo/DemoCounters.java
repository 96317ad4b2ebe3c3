package io.crewexport.runner.demo;

import java.util.concurrent.atomic.AtomicLong;

/** What the server has done so far, counted from any request thread. */
final class DemoCounters {
  private final AtomicLong tokensIssued = new AtomicLong();
  private final AtomicLong jobsStarted = new AtomicLong();
  private final AtomicLong polls = new AtomicLong();
  private final AtomicLong downloads = new AtomicLong();
  private final AtomicLong unauthorized = new AtomicLong();

  void tokenIssued() {
    tokensIssued.incrementAndGet();
  }

  void jobStarted() {
    jobsStarted.incrementAndGet();
  }

  void poll() {
    polls.incrementAndGet();
  }

  void download() {
    downloads.incrementAndGet();
  }

  void unauthorized() {
    unauthorized.incrementAndGet();
  }

  DemoServer.Stats snapshot() {
    return new DemoServer.Stats(
        tokensIssued.get(), jobsStarted.get(), polls.get(), downloads.get(), unauthorized.get());
  }
}
