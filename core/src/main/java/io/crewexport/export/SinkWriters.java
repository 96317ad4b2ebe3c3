package io.crewexport.export;

import io.crewexport.CrewexportException;
import io.crewexport.ErrorCode;
import io.crewexport.schema.ReportSchema;
import io.crewexport.spi.ExportTarget;
import io.crewexport.spi.ReportSink;
import io.crewexport.spi.Row;
import io.crewexport.spi.SinkResult;
import io.crewexport.spi.SinkWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writers of one export, one per sink, each timed: rows go to those that take rows, commit goes
 * to all in turn, and any failure before the commits aborts them all.
 */
final class SinkWriters {
  private static final Logger log = LoggerFactory.getLogger(SinkWriters.class);

  private final List<Timed> writers;
  private final List<Timed> rowTakers = new ArrayList<>();

  private SinkWriters(List<Timed> writers) {
    this.writers = writers;
    rowTakers.addAll(writers);
  }

  /** Opens a writer on every sink; if one fails to open, aborts those opened and rethrows. */
  static SinkWriters open(List<ReportSink> sinks, ReportSchema schema, ExportTarget target) {
    List<Timed> opened = new ArrayList<>();
    try {
      for (ReportSink sink : sinks) {
        opened.add(Timed.open(sink, schema, target));
      }
      return new SinkWriters(opened);
    } catch (RuntimeException | Error e) {
      opened.forEach(writer -> writer.writer.abort());
      throw e;
    }
  }

  /** Every writer, in the sinks' order. */
  List<Timed> all() {
    return writers;
  }

  /** Sends no more rows to {@code writer}, which holds the body already. */
  void sendNoRowsTo(Timed writer) {
    rowTakers.remove(writer);
  }

  /** Whether any writer still takes rows. */
  boolean anyTakesRows() {
    return !rowTakers.isEmpty();
  }

  /** Writes {@code rows} to every writer that takes rows, one writer after the other. */
  void write(Row[] rows) {
    for (Timed writer : rowTakers) {
      writer.write(rows);
    }
  }

  /**
   * Commits each writer in turn into {@code results}; at the first that fails, aborts the rest and
   * returns the failure (the commits before it stand), else null.
   */
  CrewexportException commit(ExportTarget target, Map<String, SinkOutcome> results) {
    for (Timed writer : writers) {
      try {
        results.put(writer.name, writer.commit());
        log.info("{}: committed to {}", target.describe(), writer.name);
      } catch (RuntimeException e) {
        abort();
        return new CrewexportException(
            ErrorCode.SINK_FAILED,
            target.describe()
                + ": the "
                + writer.name
                + " sink failed to commit"
                + (results.isEmpty() ? "" : " (already committed to " + results.keySet() + ")")
                + ": "
                + e.getMessage(),
            e);
      }
    }
    return null;
  }

  /** Aborts every writer not committed. */
  void abort() {
    writers.forEach(writer -> writer.writer.abort());
  }

  /** A sink's writer, timing what it spends writing, loading and committing. */
  static final class Timed {
    final String name;
    final SinkWriter writer;
    private long nanos;

    private Timed(String name, SinkWriter writer, long nanos) {
      this.name = name;
      this.writer = writer;
      this.nanos = nanos;
    }

    static Timed open(ReportSink sink, ReportSchema schema, ExportTarget target) {
      long start = System.nanoTime();
      SinkWriter writer = sink.open(schema, target);
      return new Timed(sink.name(), writer, System.nanoTime() - start);
    }

    void write(Row[] rows) {
      long start = System.nanoTime();
      for (Row row : rows) {
        writer.write(row);
      }
      nanos += System.nanoTime() - start;
    }

    /** Adds time spent on this writer's behalf elsewhere, such as a bulk load. */
    synchronized void spent(long moreNanos) {
      nanos += moreNanos;
    }

    synchronized SinkOutcome commit() {
      long start = System.nanoTime();
      SinkResult result = writer.commit();
      nanos += System.nanoTime() - start;
      return new SinkOutcome(result, Duration.ofNanos(nanos));
    }
  }
}
