package io.crewexport.export;

import io.crewexport.CrewexportException;
import io.crewexport.ErrorCode;
import io.crewexport.spi.ExportTarget;
import io.crewexport.spi.ReportSink;
import java.util.List;

/**
 * The sinks' {@link ReportSink#prepare} calls of one export, made one sink after the other on a
 * thread of their own while the report downloads: what a sink can check and load before the schema
 * is known then costs the export no time, and a destination that cannot work fails the export
 * before the download ends.
 */
final class SinkPreparation implements AutoCloseable {
  private final Thread thread;
  private volatile Throwable failure;

  private SinkPreparation(List<ReportSink> sinks, ExportTarget target, String threadName) {
    this.thread = new Thread(() -> prepare(sinks, target), threadName);
    // Never keeps the JVM alive; the export waits for it before it ends anyway.
    thread.setDaemon(true);
  }

  /** Starts preparing {@code sinks} for {@code target} on a daemon thread named {@code name}. */
  static SinkPreparation start(List<ReportSink> sinks, ExportTarget target, String name) {
    SinkPreparation preparation = new SinkPreparation(sinks, target, name);
    preparation.thread.start();
    return preparation;
  }

  /**
   * Waits until every sink is prepared.
   *
   * @throws CrewexportException the first sink's failure: as it threw it if it was one, else with
   *     code {@code SINK_FAILED} (an {@link Error} other than a {@link LinkageError} as it is)
   */
  void await() {
    Threads.joinUninterruptibly(thread);
    if (failure instanceof Error error) {
      throw error;
    }
    if (failure != null) {
      throw (RuntimeException) failure;
    }
  }

  /** Waits for the thread, so that no sink is still being prepared once the export ends. */
  @Override
  public void close() {
    Threads.joinUninterruptibly(thread);
  }

  private void prepare(List<ReportSink> sinks, ExportTarget target) {
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
