package io.crewexport.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class ComparisonTest {
  private static final BenchPlan.Pair PAIR =
      new BenchPlan.Pair(
          "csv",
          "CSV -> CSV",
          new BenchPlan.Run("ours", "crewexport -> CSV", new ChildArgs("export", Map.of())),
          new BenchPlan.Run("duckdb", "DuckDB COPY TO csv", new ChildArgs("duckdb", Map.of())),
          1.3);

  @Test
  void holdsOnlyWhileOurTimeOverTheirsStaysWithinTheTarget() {
    List<RunSummary> theirs = List.of(summary("duckdb", 10));

    Comparison slower = Comparison.of(PAIR, List.of(summary("ours", 13)), theirs);
    Comparison tooSlow = Comparison.of(PAIR, List.of(summary("ours", 13.1)), theirs);

    assertThat(slower.ratio()).isEqualTo(1.3, offset(1e-9));
    assertThat(slower.cpuRatio()).isEqualTo(1.3, offset(1e-9));
    assertThat(slower.holds()).isTrue();
    assertThat(tooSlow.holds()).isFalse();
  }

  @Test
  void judgesTheMedianOfTheRoundsSoThatOneOddRoundDecidesNothing() {
    List<RunSummary> ours =
        List.of(summary("ours-1", 19), summary("ours-2", 12), summary("ours-3", 13));
    List<RunSummary> theirs =
        List.of(summary("duckdb-1", 10), summary("duckdb-2", 9), summary("duckdb-3", 11));

    Comparison comparison = Comparison.of(PAIR, ours, theirs);

    assertThat(comparison.ours().seconds()).isEqualTo(13);
    assertThat(comparison.theirs().seconds()).isEqualTo(10);
    assertThat(comparison.ratio()).isEqualTo(1.3, offset(1e-9));
    assertThat(comparison.holds()).isTrue();
    assertThat(comparison.roundRatios()).containsExactly(1.9, 12 / 9.0, 13 / 11.0);
    assertThat(comparison.ours().run()).isEqualTo("ours");
    assertThat(comparison.theirs().run()).isEqualTo("duckdb");
  }

  @Test
  void refusesRoundsThatDoNotPairUp() {
    assertThatThrownBy(
            () ->
                Comparison.of(
                    PAIR,
                    List.of(summary("ours", 1), summary("ours", 2)),
                    List.of(summary("duckdb", 1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got 2 and 1");
  }

  @Test
  void takesTheMedianOfEachFigureAndTheLargestPeaks() {
    List<RunSummary> rounds =
        List.of(
            RunSummary.of(
                "x",
                new Measurement("x-1", 4, 9, 100, 10 << 20, 50 << 20, Map.of("download", 1.0)),
                1_000_000),
            RunSummary.of(
                "x",
                new Measurement("x-2", 6, 7, 100, 30 << 20, 40 << 20, Map.of("download", 3.0)),
                1_000_000),
            RunSummary.of(
                "x",
                new Measurement("x-3", 5, 8, 100, 20 << 20, 60 << 20, Map.of("download", 2.0)),
                1_000_000));

    RunSummary median = RunSummary.median("x", rounds);

    assertThat(median.run()).isEqualTo("x");
    assertThat(median.seconds()).isEqualTo(5);
    assertThat(median.cpuSeconds()).isEqualTo(8);
    assertThat(median.rowsPerSecond()).isEqualTo(20);
    assertThat(median.megabytesPerSecond()).isEqualTo(0.2, offset(1e-9));
    assertThat(median.peakHeapMegabytes()).isEqualTo(30);
    assertThat(median.peakRssMegabytes()).isEqualTo(60);
    assertThat(median.phases()).containsExactly(Map.entry("download", 2.0));
  }

  @Test
  void takesTheMeanOfTheTwoMiddleFiguresOfAnEvenNumberOfRounds() {
    RunSummary median =
        RunSummary.median(
            "x", List.of(summary("x", 4), summary("x", 10), summary("x", 5), summary("x", 6)));

    assertThat(median.seconds()).isEqualTo(5.5);
  }

  @Test
  void countsMegabytesOfInputPerSecond() {
    Measurement measurement = new Measurement("ours", 4, 6, 2_000, 1 << 20, 3 << 20, Map.of());

    RunSummary summary = RunSummary.of("ours", measurement, 100_000_000);

    assertThat(summary.megabytesPerSecond()).isEqualTo(25);
    assertThat(summary.rowsPerSecond()).isEqualTo(500);
    assertThat(summary.peakRssMegabytes()).isEqualTo(3);
  }

  private static RunSummary summary(String run, double seconds) {
    return RunSummary.of(
        run, new Measurement(run, seconds, 2 * seconds, 100, 0, 0, Map.of()), 1_000);
  }
}
