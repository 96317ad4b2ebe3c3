package io.crewexport.testing;

import static io.crewexport.testing.ContractReport.EXTRACTED_AT;
import static io.crewexport.testing.ContractReport.FEBRUARY;
import static io.crewexport.testing.ContractReport.JANUARY;
import static io.crewexport.testing.ContractReport.JANUARY_20TH_TO_FEBRUARY_10TH;
import static io.crewexport.testing.ContractReport.JANUARY_TO_THE_15TH;
import static io.crewexport.testing.ContractReport.REPORT_ID;
import static io.crewexport.testing.ContractReport.SCHEMA;
import static io.crewexport.testing.ContractReport.rows;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crewexport.CrewexportException;
import io.crewexport.ErrorCode;
import io.crewexport.Period;
import io.crewexport.schema.ReportSchema;
import io.crewexport.spi.ExportTarget;
import io.crewexport.spi.ReportSink;
import io.crewexport.spi.Row;
import io.crewexport.spi.SinkResult;
import io.crewexport.spi.SinkWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract every {@link ReportSink} keeps, ours and a user's, as tests a sink's test class
 * inherits: what commit publishes, that abort and a failed export leave the earlier export exactly
 * as it was and nothing of their own visible, the single-use rules of {@link SinkWriter}, and which
 * stored exports a new one replaces (see {@link io.crewexport.spi.PeriodReplacement}), so that a
 * reader of the whole report never counts a row twice.
 *
 * <pre>{@code
 * final class JsonLinesSinkContractTest extends SinkContractTest {
 *   protected ReportSink createSink() {
 *     return new JsonLinesSink();
 *   }
 *
 *   protected List<Row> readReport(ReportSchema schema, ExportTarget target) {
 *     return JsonLines.read(Path.of(target.outputRoot(), "jsonl", target.reportId()), schema);
 *   }
 * }
 * }</pre>
 *
 * <p>Every test exports {@link ContractReport} into a fresh temporary folder. Needs {@code
 * junit-jupiter} and {@code assertj-core} on the test class path.
 */
public abstract class SinkContractTest {
  /** A new empty folder per test; the output root unless {@link #outputRoot()} says otherwise. */
  @TempDir protected Path outputFolder;

  private ReportSink sink;

  /** A new sink, called before each test. */
  protected abstract ReportSink createSink();

  /**
   * Every row a reader of the whole report sees now, as a glob over its folder or a query of its
   * table would: all committed periods, the report's columns only, in any order. Values are typed
   * as in {@link Row}: text as {@code String}, whole numbers as {@code Long}, decimals as {@code
   * Double}, {@code Boolean}, and dates as {@code LocalDate}. Also called while an export is open.
   *
   * @param schema the report's schema
   * @param target any export target of the report, naming its output root and options
   */
  protected abstract List<Row> readReport(ReportSchema schema, ExportTarget target);

  /**
   * Everything the sink stores for the report, to compare before and after a failed export. By
   * default the rows {@link #readReport} reads; a file sink does better to return every file below
   * its folder with its bytes, hidden staging files included (see {@link FileTree#snapshot}).
   */
  protected Object storedState(ExportTarget target) {
    List<Row> rows = new ArrayList<>(readReport(SCHEMA, target));
    rows.sort(Comparator.comparing(Row::toString));
    return rows;
  }

  /** The output root of every export; the temporary folder by default. */
  protected String outputRoot() {
    return outputFolder.toString();
  }

  /**
   * The target of an export of {@link ContractReport} for {@code period} ({@code null} for a
   * snapshot) by run {@code runId}.
   */
  protected ExportTarget target(Period period, String runId, Map<String, String> options) {
    return new ExportTarget(REPORT_ID, period, runId, EXTRACTED_AT, outputRoot(), options);
  }

  @BeforeEach
  final void createTheSink() {
    sink = createSink();
  }

  @Test
  void commitPublishesEveryRowWithItsValuesAndNulls() {
    List<Row> rows = rows("january", 40);

    SinkResult result = export(target(JANUARY, "run-1"), rows);

    assertThat(result.rows()).isEqualTo(40);
    assertThat(read()).containsExactlyInAnyOrderElementsOf(rows);
  }

  @Test
  void emptyExportCommitsNoRows() {
    SinkResult result = export(target(JANUARY, "run-1"), List.of());

    assertThat(result.rows()).isZero();
    assertThat(read()).isEmpty();
  }

  @Test
  void prepareTwiceLeavesNothingAndAnExportAfterItCommits() {
    Object before = storedState(target(JANUARY, "reader"));

    sink.prepare(target(JANUARY, "run-1"));
    sink.prepare(target(JANUARY, "run-1"));

    assertThat(storedState(target(JANUARY, "reader"))).isEqualTo(before);
    List<Row> rows = rows("january", 3);
    export(target(JANUARY, "run-1"), rows);
    assertThat(read()).containsExactlyInAnyOrderElementsOf(rows);
  }

  @Test
  void abortBeforeAnyRowLeavesNothing() {
    Object before = storedState(target(JANUARY, "reader"));

    sink.open(SCHEMA, target(JANUARY, "run-1")).abort();

    assertThat(read()).isEmpty();
    assertThat(storedState(target(JANUARY, "reader"))).isEqualTo(before);
  }

  @Test
  void closeWithoutCommitLeavesNothing() {
    Object before = storedState(target(JANUARY, "reader"));

    try (SinkWriter writer = sink.open(SCHEMA, target(JANUARY, "run-1"))) {
      rows("unfinished", 10).forEach(writer::write);
    }

    assertThat(read()).isEmpty();
    assertThat(storedState(target(JANUARY, "reader"))).isEqualTo(before);
  }

  @Test
  void abortAfterPartialWritesLeavesTheEarlierExportIdenticalAndNothingVisible() {
    List<Row> kept = rows("kept", 3);
    export(target(JANUARY, "run-1"), kept);
    Object before = storedState(target(JANUARY, "reader"));

    SinkWriter writer = sink.open(SCHEMA, target(JANUARY, "run-2"));
    rows("lost", 999).forEach(writer::write);
    assertThat(read()).containsExactlyInAnyOrderElementsOf(kept);
    writer.abort();

    assertThat(read()).containsExactlyInAnyOrderElementsOf(kept);
    assertThat(storedState(target(JANUARY, "reader"))).isEqualTo(before);
  }

  @Test
  void rowThatDoesNotFitAtRowOneThousandFailsAndLeavesTheEarlierExportIntact() {
    List<Row> kept = rows("kept", 3);
    export(target(JANUARY, "run-1"), kept);
    Object before = storedState(target(JANUARY, "reader"));

    try (SinkWriter writer = sink.open(SCHEMA, target(JANUARY, "run-2"))) {
      rows("lost", 999).forEach(writer::write);

      assertThatThrownBy(() -> writer.write(ContractReport.notFitting()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("employee_id");
      assertThat(read()).containsExactlyInAnyOrderElementsOf(kept);
    }

    assertThat(read()).containsExactlyInAnyOrderElementsOf(kept);
    assertThat(storedState(target(JANUARY, "reader"))).isEqualTo(before);
  }

  @Test
  void commitTwiceIsRefusedAndKeepsTheExport() {
    SinkWriter writer = sink.open(SCHEMA, target(JANUARY, "run-1"));
    rows("once", 2).forEach(writer::write);
    writer.commit();

    assertThatThrownBy(writer::commit).isInstanceOf(IllegalStateException.class);
    assertThat(read()).containsExactlyInAnyOrderElementsOf(rows("once", 2));
  }

  @Test
  void writeAfterCommitIsRefused() {
    SinkWriter writer = sink.open(SCHEMA, target(JANUARY, "run-1"));
    writer.commit();

    assertThatThrownBy(() -> writer.write(rows("late", 1).get(0)))
        .isInstanceOf(IllegalStateException.class);
    assertThat(read()).isEmpty();
  }

  @Test
  void abortAndCloseAfterCommitDoNothing() {
    List<Row> rows = rows("committed", 5);
    SinkWriter writer = sink.open(SCHEMA, target(JANUARY, "run-1"));
    rows.forEach(writer::write);
    writer.commit();

    writer.abort();
    writer.close();

    assertThat(read()).containsExactlyInAnyOrderElementsOf(rows);
  }

  @Test
  void rerunOfTheSamePeriodReplacesWithoutDuplicating() {
    export(target(JANUARY, "run-1"), rows("first", 20));

    export(target(JANUARY, "run-2"), rows("second", 7));

    assertThat(read()).containsExactlyInAnyOrderElementsOf(rows("second", 7));
  }

  @Test
  void rerunWithTheSameRunIdReplacesWithoutDuplicating() {
    export(target(JANUARY, "run-1"), rows("first", 20));

    export(target(JANUARY, "run-1"), rows("again", 3));

    assertThat(read()).containsExactlyInAnyOrderElementsOf(rows("again", 3));
  }

  @Test
  void exportsOfOtherPeriodsAreKept() {
    export(target(JANUARY, "run-1"), rows("january", 3));

    export(target(FEBRUARY, "run-2"), rows("february", 2));

    List<Row> both = new ArrayList<>(rows("january", 3));
    both.addAll(rows("february", 2));
    assertThat(read()).containsExactlyInAnyOrderElementsOf(both);
  }

  @Test
  void longerPeriodReplacesTheShorterOnesInsideItInOneCommit() {
    export(target(JANUARY_TO_THE_15TH, "run-1"), rows("month-to-date", 4));
    export(target(Period.parse("2024-01-20", "2024-01-31"), "run-1"), rows("late-january", 2));
    export(target(FEBRUARY, "run-1"), rows("february", 3));

    export(target(JANUARY, "run-2"), rows("january", 5));

    List<Row> expected = new ArrayList<>(rows("january", 5));
    expected.addAll(rows("february", 3));
    assertThat(read()).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void periodStickingOutOfAStoredOneIsRefusedNamingBothAndKeepsTheStoredExport() {
    export(target(JANUARY, "run-1"), rows("january", 3));
    Object before = storedState(target(JANUARY, "reader"));

    assertThatThrownBy(() -> export(target(JANUARY_20TH_TO_FEBRUARY_10TH, "run-2"), rows("x", 2)))
        .isInstanceOfSatisfying(
            CrewexportException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION))
        .hasMessageContaining("2024-01-01..2024-01-31")
        .hasMessageContaining("2024-01-20..2024-02-10")
        .hasMessageContaining(ExportTarget.ALLOW_OVERLAP + "=true");
    assertThat(read()).containsExactlyInAnyOrderElementsOf(rows("january", 3));
    assertThat(storedState(target(JANUARY, "reader"))).isEqualTo(before);
  }

  @Test
  void periodInsideAStoredLongerOneIsRefused() {
    export(target(JANUARY, "run-1"), rows("january", 3));

    assertThatThrownBy(() -> export(target(JANUARY_TO_THE_15TH, "run-2"), rows("x", 2)))
        .isInstanceOfSatisfying(
            CrewexportException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION))
        .hasMessageContaining("2024-01-01..2024-01-31")
        .hasMessageContaining("2024-01-01..2024-01-15");
    assertThat(read()).containsExactlyInAnyOrderElementsOf(rows("january", 3));
  }

  @Test
  void overlappingPeriodsAreBothKeptWhenTheExportAllowsIt() {
    export(target(JANUARY, "run-1"), rows("january", 3));

    export(
        target(JANUARY_20TH_TO_FEBRUARY_10TH, "run-2", Map.of(ExportTarget.ALLOW_OVERLAP, "true")),
        rows("overlap", 2));

    List<Row> both = new ArrayList<>(rows("january", 3));
    both.addAll(rows("overlap", 2));
    assertThat(read()).containsExactlyInAnyOrderElementsOf(both);
  }

  @Test
  void snapshotReplacesTheSnapshotOfTheSameDayAndKeepsPeriods() {
    export(target(JANUARY, "run-1"), rows("january", 2));
    export(target(null, "run-1"), rows("morning", 3));

    export(target(null, "run-2"), rows("evening", 1));

    List<Row> expected = new ArrayList<>(rows("january", 2));
    expected.addAll(rows("evening", 1));
    assertThat(read()).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void textOutsideTheBasicMultilingualPlaneSurvivesByteForByte() {
    List<Row> rows = ContractReport.outsideBmpRows();

    export(target(JANUARY, "run-1"), rows);

    List<Row> read = new ArrayList<>(read());
    read.sort(Comparator.comparing(row -> (Long) row.get(0)));
    assertThat(read).hasSameSizeAs(rows);
    for (int i = 0; i < rows.size(); i++) {
      for (int column : new int[] {1, 5}) {
        String written = (String) rows.get(i).get(column);
        assertThat(((String) read.get(i).get(column)).getBytes(UTF_8))
            .as("column %d of %s", column, written)
            .isEqualTo(written.getBytes(UTF_8));
      }
    }
  }

  /** The sink under test. */
  protected final ReportSink sink() {
    return sink;
  }

  /** Opens an export for {@code target}, writes {@code rows} and commits. */
  protected final SinkResult export(ExportTarget target, List<Row> rows) {
    return SampleReport.export(sink, SCHEMA, target, rows);
  }

  /** A target without options. */
  protected final ExportTarget target(Period period, String runId) {
    return target(period, runId, Map.of());
  }

  /** Every row of the report, as {@link #readReport} reads it. */
  protected final List<Row> read() {
    return readReport(SCHEMA, target(JANUARY, "reader"));
  }
}
