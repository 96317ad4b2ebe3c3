package io.crewexport.sink.duckdb;

import static io.crewexport.sink.duckdb.Exports.SMALL;
import static io.crewexport.sink.duckdb.Exports.databaseFile;
import static io.crewexport.sink.duckdb.Exports.period;
import static io.crewexport.sink.duckdb.Exports.smallRows;
import static io.crewexport.sink.duckdb.Exports.snapshot;
import static io.crewexport.sink.duckdb.Exports.target;
import static io.crewexport.testing.SampleReport.export;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crewexport.CrewexportException;
import io.crewexport.ErrorCode;
import io.crewexport.Period;
import io.crewexport.spi.Row;
import io.crewexport.spi.SinkWriter;
import io.crewexport.testing.DuckDb;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class DuckDbSinkReplaceTest {
  private static final Period JANUARY = period("2024-01-01", "2024-01-31");
  private static final Period MONTH_TO_DATE = period("2024-01-01", "2024-01-15");
  private static final Period FEBRUARY = period("2024-02-01", "2024-02-29");

  private final DuckDbSink sink = new DuckDbSink();

  @TempDir Path out;

  @Test
  void keepsPeriodsOutsideAndSnapshots() {
    export(
        sink,
        SMALL,
        target(out, period("2023-12-01", "2023-12-31"), "run-1"),
        smallRows("december", 1));
    export(
        sink,
        SMALL,
        snapshot(out, Instant.parse("2024-01-10T08:00:00Z"), "run-1"),
        smallRows("snapshot", 1));

    export(sink, SMALL, target(out, JANUARY, "run-2"), smallRows("january", 1));

    assertThat(contents())
        .extracting(row -> row.get(0))
        .containsExactly("december-0", "january-0", "snapshot-0");
  }

  @Test
  void conflictingPeriodIsRefusedAtOpenAndHandsTheFileOn() {
    export(sink, SMALL, target(out, JANUARY, "run-1"), smallRows("january", 2));

    assertThatThrownBy(() -> sink.open(SMALL, target(out, MONTH_TO_DATE, "run-2")))
        .isInstanceOfSatisfying(
            CrewexportException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION))
        .hasMessageStartingWith(
            "The duckdb sink refuses to export oneonone.summary [2024-01-01..2024-01-15]: it holds"
                + " an export of oneonone.summary for 2024-01-01..2024-01-31");

    export(sink, SMALL, target(out, FEBRUARY, "run-2"), smallRows("february", 1));
    assertThat(contents())
        .extracting(row -> row.get(0))
        .containsExactly("february-0", "january-0", "january-1");
  }

  @Test
  void snapshotOfTheSameDayReplacesOnlyThatDay() {
    export(
        sink,
        SMALL,
        snapshot(out, Instant.parse("2024-12-03T10:00:00Z"), "run-1"),
        smallRows("tuesday", 2));
    export(
        sink,
        SMALL,
        snapshot(out, Instant.parse("2024-12-04T01:00:00Z"), "run-2"),
        smallRows("morning", 2));
    export(sink, SMALL, target(out, JANUARY, "run-2"), smallRows("january", 1));

    export(
        sink,
        SMALL,
        snapshot(out, Instant.parse("2024-12-04T23:00:00Z"), "run-3"),
        smallRows("evening", 1));

    assertThat(contents())
        .extracting(row -> row.get(0))
        .containsExactly("evening-0", "january-0", "tuesday-0", "tuesday-1");
  }

  @Test
  void closingWithoutCommitLeavesTheEarlierRows() {
    export(sink, SMALL, target(out, JANUARY, "run-1"), smallRows("kept", 3));

    try (SinkWriter writer = sink.open(SMALL, target(out, JANUARY, "run-2"))) {
      // Past one appender chunk of 2,048 rows, so some rows reached the transaction already.
      smallRows("lost", 5_000).forEach(writer::write);
    }

    assertThat(contents())
        .extracting(row -> row.get(0))
        .containsExactly("kept-0", "kept-1", "kept-2");
  }

  @Test
  void badRowFailsTheWriteAndAbortKeepsTheEarlierRows() {
    export(sink, SMALL, target(out, JANUARY, "run-1"), smallRows("kept", 3));

    try (SinkWriter writer = sink.open(SMALL, target(out, JANUARY, "run-2"))) {
      smallRows("lost", 500).forEach(writer::write);

      assertThatThrownBy(() -> writer.write(Row.of("bad", "not a number")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "row 501 of oneonone.summary [2024-01-01..2024-01-31]:"
                  + " column count is BIGINT, but the row holds a String");
    }

    assertThat(contents()).hasSize(3).allSatisfy(row -> assertThat(row.get(2)).isEqualTo("run-1"));
  }

  @Test
  void commitRefusedByTheTableFailsAndKeepsTheEarlierRows() throws Exception {
    try (Connection connection = DuckDb.connect(databaseFile(out));
        Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE TABLE oneonone_summary (name VARCHAR, count BIGINT CHECK (count < 100))");
    }
    export(sink, SMALL, target(out, JANUARY, "run-1"), smallRows("kept", 3));

    SinkWriter writer = sink.open(SMALL, target(out, JANUARY, "run-2"));
    smallRows("refused", 200).forEach(writer::write);

    assertThatThrownBy(writer::commit)
        .isInstanceOfSatisfying(
            CrewexportException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SINK_FAILED))
        .hasMessageContaining("oneonone.summary [2024-01-01..2024-01-31]")
        .hasMessageContaining(databaseFile(out).toString())
        .hasMessageContaining("CHECK constraint failed")
        .hasMessageContaining("keeps its previous rows");
    assertThat(contents())
        .extracting(row -> row.get(0))
        .containsExactly("kept-0", "kept-1", "kept-2");
  }

  @Test
  void uncommittedRowsAreInvisibleToReaders() {
    export(sink, SMALL, target(out, JANUARY, "run-1"), smallRows("kept", 3));

    try (SinkWriter writer = sink.open(SMALL, target(out, JANUARY, "run-2"))) {
      smallRows("pending", 5_000).forEach(writer::write);

      assertThat(contents()).extracting(row -> row.get(2)).containsOnly("run-1").hasSize(3);
      writer.commit();
    }

    assertThat(contents()).hasSize(5_000);
  }

  private List<List<Object>> contents() {
    return DuckDb.rows(
        databaseFile(out), "SELECT name, count, _run_id FROM oneonone_summary ORDER BY name");
  }
}
