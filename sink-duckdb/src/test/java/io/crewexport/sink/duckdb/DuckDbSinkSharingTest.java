package io.crewexport.sink.duckdb;

import static io.crewexport.sink.duckdb.Exports.SMALL;
import static io.crewexport.sink.duckdb.Exports.databaseFile;
import static io.crewexport.sink.duckdb.Exports.period;
import static io.crewexport.sink.duckdb.Exports.smallRows;
import static io.crewexport.sink.duckdb.Exports.target;
import static io.crewexport.testing.SampleReport.export;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crewexport.CrewexportException;
import io.crewexport.ErrorCode;
import io.crewexport.Period;
import io.crewexport.spi.ExportTarget;
import io.crewexport.spi.Row;
import io.crewexport.spi.SinkResult;
import io.crewexport.spi.SinkWriter;
import io.crewexport.testing.DuckDb;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class DuckDbSinkSharingTest {
  private static final Period JANUARY = period("2024-01-01", "2024-01-31");
  private static final Period FEBRUARY = period("2024-02-01", "2024-02-29");
  private static final String SETTINGS =
      "SELECT current_setting('memory_limit'), current_setting('threads'),"
          + " current_setting('preserve_insertion_order')";

  private final DuckDbSink sink = new DuckDbSink();

  @TempDir Path out;

  @Test
  void exportsToOneFileFromTwoThreadsTakeTurns() throws Exception {
    AtomicReference<Thread> worker = new AtomicReference<>();
    ExecutorService pool =
        Executors.newSingleThreadExecutor(
            task -> {
              worker.set(new Thread(task, "second-export"));
              return worker.get();
            });
    try {
      SinkWriter first = sink.open(SMALL, target(out, JANUARY, "run-1"));
      first.write(Row.of("first", 1L));
      ExportTarget other =
          new ExportTarget("goals.list", null, "run-1", Instant.now(), out.toString(), Map.of());
      Future<SinkResult> second =
          pool.submit(() -> export(sink, SMALL, other, smallRows("second", 2)));

      awaitWaiting(worker);
      first.commit();

      assertThat(second.get(30, TimeUnit.SECONDS).rows()).isEqualTo(2);
      assertThat(DuckDb.value(databaseFile(out), "SELECT count(*) FROM oneonone_summary"))
          .isEqualTo(1L);
      assertThat(DuckDb.value(databaseFile(out), "SELECT count(*) FROM goals_list")).isEqualTo(2L);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void secondExportToTheSameFileOnOneThreadFailsInsteadOfWaitingForever() {
    try (SinkWriter first = sink.open(SMALL, target(out, JANUARY, "run-1"))) {
      first.write(Row.of("first", 1L));

      assertThatThrownBy(
              () -> sink.open(SMALL, target(out, period("2024-02-01", "2024-02-29"), "run-1")))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(databaseFile(out).toString())
          .hasMessageContaining("commit or abort it before opening the next");
      first.commit();
    }

    assertThat(DuckDb.value(databaseFile(out), "SELECT count(*) FROM oneonone_summary"))
        .isEqualTo(1L);
  }

  @Test
  void exportsToTwoFilesOnOneThreadDoNotWait() {
    Path otherFile = out.resolve("other.duckdb");
    try (SinkWriter first = sink.open(SMALL, target(out, JANUARY, "run-1"));
        SinkWriter second =
            sink.open(
                SMALL,
                target(out, JANUARY, "run-1", Map.of("duckdb.file", otherFile.toString())))) {
      first.write(Row.of("first", 1L));
      second.write(Row.of("second", 2L));
      second.commit();
      first.commit();
    }

    assertThat(DuckDb.value(otherFile, "SELECT name FROM oneonone_summary")).isEqualTo("second");
  }

  @Test
  void databaseClosesWhenTheLastExportEnds() throws Exception {
    export(sink, SMALL, target(out, JANUARY, "run-1"), smallRows("a", 1));
    try (SinkWriter aborted = sink.open(SMALL, target(out, JANUARY, "run-2"))) {
      aborted.write(Row.of("b", 2L));
    }

    // DuckDB refuses other settings for a database this process still has open.
    Properties otherSettings = new Properties();
    otherSettings.setProperty("memory_limit", "123MB");
    try (Connection connection =
        DriverManager.getConnection("jdbc:duckdb:" + databaseFile(out), otherSettings)) {
      assertThat(connection.isValid(1)).isTrue();
    }
  }

  @Test
  void setsMemoryLimitThreadsAndRowOrderOnTheDatabase() {
    Map<String, String> options =
        Map.of(
            "duckdb.memory-limit", "256MiB",
            "duckdb.threads", "3",
            "duckdb.keep-row-order", "true");

    try (SinkWriter writer = sink.open(SMALL, target(out, JANUARY, "run-1", options))) {
      assertThat(DuckDb.rows(databaseFile(out), SETTINGS))
          .containsExactly(List.of("256.0 MiB", 3L, true));
      writer.commit();
    }
    try (SinkWriter writer = sink.open(SMALL, target(out, FEBRUARY, "run-2"))) {
      assertThat(DuckDb.rows(databaseFile(out), SETTINGS))
          .containsExactly(List.of("953.6 MiB", 2L, false));
      writer.commit();
    }
  }

  @Test
  void fileHeldByAnotherProcessFailsWithAOneLineMessage() throws Exception {
    Path file = databaseFile(out);
    Process holder = LockHolder.hold(file);
    try {
      assertThatThrownBy(() -> sink.open(SMALL, target(out, JANUARY, "run-1")))
          .isInstanceOfSatisfying(
              CrewexportException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SINK_FAILED))
          .hasMessageStartingWith(
              "Cannot write oneonone.summary [2024-01-01..2024-01-31]: DuckDB file "
                  + file
                  + " is locked by another process (PID "
                  + holder.pid()
                  + ")")
          .hasMessageContaining("another crewexport or a DuckDB client")
          .hasMessageContaining("--duckdb-file")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    } finally {
      holder.getOutputStream().close();
      holder.waitFor(30, TimeUnit.SECONDS);
      holder.destroyForcibly();
    }

    assertThat(export(sink, SMALL, target(out, JANUARY, "run-2"), smallRows("after", 1)).rows())
        .isEqualTo(1);
  }

  /** Waits until {@code worker} blocks, without sleeping: a turn-taking export parks at once. */
  private static void awaitWaiting(AtomicReference<Thread> worker) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (worker.get() == null || worker.get().getState() != Thread.State.WAITING) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the second export never waited for the first");
      }
      Thread.onSpinWait();
    }
  }
}
