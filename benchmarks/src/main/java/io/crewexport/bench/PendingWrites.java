package io.crewexport.bench;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Writes the machine's pending disk writes out before a run is timed, with the system's {@code
 * sync} command. Linux keeps written pages in memory for about 30 s before it writes them back:
 * without this, the generated input (460 MB at 2,000,000 rows), the build's jars or a previous
 * run's output would be written back on the cores of whichever run came half a minute later.
 */
final class PendingWrites {
  private static final long TIMEOUT_SECONDS = 120;

  private static boolean warned;

  private PendingWrites() {}

  /**
   * Waits until {@code sync} has written everything pending; tells once, on standard error, if the
   * command is missing or fails, and goes on: the figures are then less steady, not wrong.
   */
  static void flush() {
    try {
      Process sync = new ProcessBuilder("sync").inheritIO().start();
      if (!sync.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        sync.destroyForcibly();
        warn("sync took over " + TIMEOUT_SECONDS + " s");
      } else if (sync.exitValue() != 0) {
        warn("sync exited with " + sync.exitValue());
      }
    } catch (IOException e) {
      warn("no sync command (" + e.getMessage() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static synchronized void warn(String why) {
    if (!warned) {
      warned = true;
      System.err.println(
          "Pending disk writes are not flushed before each run: "
              + why
              + ". Runs may pay for the writes of the runs before them.");
    }
  }
}
