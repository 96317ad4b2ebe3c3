package io.crewexport.export;

/** Waiting for the export's helper threads. */
final class Threads {
  private Threads() {}

  /**
   * Waits until {@code thread} ends, even if interrupted meanwhile: a file or writer the thread
   * uses may be cleaned up only once it is done. The interrupt is kept for the caller.
   */
  static void joinUninterruptibly(Thread thread) {
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
