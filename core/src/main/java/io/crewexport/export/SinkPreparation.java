package io.crewexport.export;

import io.crewexport.CrewexportException;
import io.crewexport.ErrorCode;
import io.crewexport.spi.ExportTarget;
import io.crewexport.spi.ReportSink;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The sinks' {@link ReportSink#prepare} calls of one export, made one sink after the other on a
 * thread of their own while the report downloads: what a sink can check and load before the schema
 * is known then costs the export no time, and a destination that cannot work fails the export
 * before the download ends.
 */
final class SinkPreparation implements AutoCloseable {
  private final Thread thread;
  private final ExportTarget target;
  private volatile Throwable failure;
  private final CompletableFuture<Void> ended = new CompletableFuture<>();

  private SinkPreparation(List<ReportSink> sinks, ExportTarget target, String threadName) {
    this.target = target;
    this.thread =
        new Thread(
            () -> {
              try {
                prepare(sinks);
              } finally {
                ended.complete(null);
              }
            },
            threadName);
    // Never keeps the JVM alive; the export waits for it before it ends anyway.
    thread.setDaemon(true);
  }

  /** Starts preparing {@code sinks} for {@code target} on a daemon thread named {@code name}. */
  static SinkPreparation start(List<ReportSink> sinks, ExportTarget target, String name) {
    SinkPreparation preparation = new SinkPreparation(sinks, target, name);
    preparation.thread.start();
    return preparation;
  }

  /** Completes once every sink is prepared or one failed; {@link #await} then says which. */
  CompletableFuture<Void> ended() {
    return ended;
  }

  /**
   * Waits until every sink is prepared.
   *
   * @throws CrewexportException the first sink's failure: as it threw it if it was one, else with
   *     code {@code SINK_FAILED} (an {@link Error} other than a {@link LinkageError} as it is); or
   *     {@code INTERRUPTED} if the waiting thread is interrupted
   */
  void await() {
    try {
      thread.join();
    } catch (InterruptedException e) {
      // A sink waiting on a slow destination gives up when interrupted; close() waits for it.
      thread.interrupt();
      Thread.currentThread().interrupt();
      throw new CrewexportException(
          ErrorCode.INTERRUPTED,
          target.describe() + ": interrupted while the sinks prepare; nothing was written.",
          e);
    }
    if (failure instanceof Error error) {
      throw error;
    }
    if (failure != null) {
      throw (RuntimeException) failure;
    }
  }

  /**
   * Throws a sink's own failure, if one fails, instead of {@code other}, which ended the export
   * while the sinks may still have been preparing: a sink that cannot work is what to fix first,
   * and it won when the export waited for the sinks before reading the body. Waits for the
   * preparation unless the export was interrupted; returns if every sink is prepared.
   *
   * @throws RuntimeException the sink's failure, as {@link #await} throws it, with {@code other}
   *     suppressed in it
   */
  void throwOwnFailureOver(Throwable other) {
    if (Thread.currentThread().isInterrupted()) {
      // The export ends as interrupted; close() stops the preparation.
      return;
    }
    try {
      await();
    } catch (RuntimeException | Error own) {
      if (own != other) {
        own.addSuppressed(other);
      }
      throw own;
    }
  }

  /**
   * Interrupts the preparation if it still runs (the export failed or was interrupted before it
   * ended) and waits for it, so that no sink is still being prepared once the export ends.
   */
  @Override
  public void close() {
    thread.interrupt();
    Threads.joinUninterruptibly(thread);
  }

  private void prepare(List<ReportSink> sinks) {
    for (ReportSink sink : sinks) {
      try {
        sink.prepare(target);
      } catch (CrewexportException e) {
        failure = e;
        return;
      } catch (RuntimeException | LinkageError e) {
        // A LinkageError too: a native library that does not load here, say.
        failure =
            new CrewexportException(
                ErrorCode.SINK_FAILED,
                target.describe()
                    + ": the "
                    + sink.name()
                    + " sink cannot write there: "
                    + e
                    + ". Nothing was written; check the sink's settings and that its destination"
                    + " is reachable, then run the export again.",
                e);
        return;
      } catch (Error e) {
        failure = e;
        return;
      }
    }
  }
}
