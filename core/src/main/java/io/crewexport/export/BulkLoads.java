package io.crewexport.export;

import io.crewexport.spi.SpooledCsv;
import io.crewexport.spi.SpooledCsvLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The bulk loads of one export: each writer that can load the spooled body itself ({@link
 * SpooledCsvLoader}) does so on a thread of its own, while the export reads the body to check it.
 * The export commits such a writer only if its load took exactly the rows the export read.
 */
final class BulkLoads {
  private final List<Load> loads = new ArrayList<>();

  private BulkLoads() {}

  /** No loads. */
  static BulkLoads none() {
    return new BulkLoads();
  }

  /**
   * Starts a load for every writer of {@code writers} that can load, and stops sending rows to it.
   */
  static BulkLoads start(
      SinkWriters writers, SpooledCsv body, Runnable awaitBody, String threadName) {
    BulkLoads started = new BulkLoads();
    for (SinkWriters.Timed writer : writers.all()) {
      if (writer.writer instanceof SpooledCsvLoader loader) {
        writers.sendNoRowsTo(writer);
        started.loads.add(
            new Load(writer, loader, body, awaitBody, threadName + "-" + writer.name));
      }
    }
    return started;
  }

  /**
   * Waits for every load; returns why the loads cannot stand, or null if each loaded exactly {@code
   * rows}.
   */
  String await(long rows) {
    String why = null;
    for (Load load : loads) {
      load.join();
      if (why == null) {
        why = load.whyNot(rows);
      }
    }
    return why;
  }

  /** Whether any writer loads the body itself. */
  boolean any() {
    return !loads.isEmpty();
  }

  /** Interrupts the loads still running and waits for them, so their writers can be aborted. */
  void stop() {
    loads.forEach(load -> load.thread.interrupt());
    loads.forEach(Load::join);
  }

  /** One writer's load on its thread. */
  private static final class Load {
    private final SinkWriters.Timed writer;
    private final Thread thread;
    private volatile OptionalLong loaded;
    private volatile Throwable failure;

    Load(
        SinkWriters.Timed writer,
        SpooledCsvLoader loader,
        SpooledCsv body,
        Runnable awaitBody,
        String threadName) {
      this.writer = writer;
      this.thread = new Thread(() -> run(loader, body, awaitBody), threadName);
      thread.setDaemon(true);
      thread.start();
    }

    private void run(SpooledCsvLoader loader, SpooledCsv body, Runnable awaitBody) {
      long start = System.nanoTime();
      try {
        // A loader reads the whole file: it waits for a body still streaming in.
        awaitBody.run();
        loaded = loader.load(body);
      } catch (RuntimeException | Error e) {
        failure = e;
      } finally {
        writer.spent(System.nanoTime() - start);
      }
    }

    void join() {
      Threads.joinUninterruptibly(thread);
    }

    String whyNot(long rows) {
      if (failure != null) {
        return "the " + writer.name + " sink failed to load the body: " + failure.getMessage();
      }
      if (loaded.isEmpty()) {
        return "the " + writer.name + " sink declined to load the body";
      }
      if (loaded.getAsLong() != rows) {
        return "the "
            + writer.name
            + " sink loaded "
            + loaded.getAsLong()
            + " rows where the export read "
            + rows;
      }
      return null;
    }
  }
}
