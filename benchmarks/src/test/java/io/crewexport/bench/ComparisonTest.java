package io.crewexport.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

final class ComparisonTest {

  @Test
  void holdsOnlyWhileOurTimeOverTheirsStaysWithinTheTarget() {
    RunSummary theirs = summary("duckdb", 10);

    Comparison slower = Comparison.of("CSV -> CSV", summary("ours", 13), theirs, 1.3);
    Comparison tooSlow = Comparison.of("CSV -> CSV", summary("ours", 13.1), theirs, 1.3);

    assertThat(slower.ratio()).isEqualTo(1.3, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(slower.cpuRatio()).isEqualTo(1.3, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(slower.holds()).isTrue();
    assertThat(tooSlow.holds()).isFalse();
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
