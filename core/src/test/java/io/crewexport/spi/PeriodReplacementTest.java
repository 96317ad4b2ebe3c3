package io.crewexport.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crewexport.CrewexportException;
import io.crewexport.ErrorCode;
import io.crewexport.Period;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class PeriodReplacementTest {
  private static final Period JANUARY = Period.parse("2024-01-01", "2024-01-31");
  private static final Period FIRST_HALF = Period.parse("2024-01-01", "2024-01-15");
  private static final Period STICKING_OUT = Period.parse("2024-01-20", "2024-02-10");
  private static final Period FEBRUARY = Period.parse("2024-02-01", "2024-02-29");

  @Test
  void replacesTheSamePeriodAndThoseInsideIt() {
    assertThat(PeriodReplacement.replaces(target(JANUARY, Map.of()), JANUARY)).isTrue();
    assertThat(PeriodReplacement.replaces(target(JANUARY, Map.of()), FIRST_HALF)).isTrue();
    assertThat(PeriodReplacement.replaces(target(JANUARY, Map.of()), STICKING_OUT)).isFalse();
    assertThat(PeriodReplacement.replaces(target(FIRST_HALF, Map.of()), JANUARY)).isFalse();
    assertThat(PeriodReplacement.replaces(target(JANUARY, Map.of()), FEBRUARY)).isFalse();
  }

  @Test
  void conflictsWithPeriodsThatOverlapWithoutLyingInside() {
    assertThat(PeriodReplacement.conflicts(target(JANUARY, Map.of()), STICKING_OUT)).isTrue();
    assertThat(PeriodReplacement.conflicts(target(FIRST_HALF, Map.of()), JANUARY)).isTrue();
    assertThat(PeriodReplacement.conflicts(target(JANUARY, Map.of()), FIRST_HALF)).isFalse();
    assertThat(PeriodReplacement.conflicts(target(JANUARY, Map.of()), FEBRUARY)).isFalse();
  }

  @Test
  void snapshotNeitherReplacesNorConflictsWithPeriods() {
    assertThat(PeriodReplacement.replaces(target(null, Map.of()), JANUARY)).isFalse();
    assertThat(PeriodReplacement.conflicts(target(null, Map.of()), JANUARY)).isFalse();
  }

  @Test
  void refusesTheFirstConflictNamingBothPeriodsAndTheWaysOut() {
    assertThatThrownBy(
            () ->
                PeriodReplacement.requireNoConflict(
                    "parquet", target(JANUARY, Map.of()), List.of(FEBRUARY, STICKING_OUT)))
        .isInstanceOfSatisfying(
            CrewexportException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION))
        .hasMessageStartingWith(
            "The parquet sink refuses to export r [2024-01-01..2024-01-31]: it holds an export of r"
                + " for 2024-01-20..2024-02-10")
        .hasMessageContaining("count the days they share twice")
        .hasMessageContaining("covers 2024-01-20..2024-02-10 entirely")
        .hasMessageContaining("allow-overlap=true");
  }

  @Test
  void keepsBothWhenTheExportAllowsOverlaps() {
    ExportTarget allowing = target(JANUARY, Map.of(ExportTarget.ALLOW_OVERLAP, " TRUE"));

    assertThatCode(
            () -> PeriodReplacement.requireNoConflict("csv", allowing, List.of(STICKING_OUT)))
        .doesNotThrowAnyException();
  }

  @Test
  void refusesAnAllowOverlapValueOtherThanTrueOrFalse() {
    ExportTarget target = target(JANUARY, Map.of("allow-overlap", "yes"));

    assertThatThrownBy(target::allowsOverlap)
        .isInstanceOfSatisfying(
            CrewexportException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION))
        .hasMessage(
            "Option allow-overlap of r [2024-01-01..2024-01-31] is 'yes': set it to true or"
                + " false.");
    assertThat(target(JANUARY, Map.of()).allowsOverlap()).isFalse();
  }

  private static ExportTarget target(Period period, Map<String, String> options) {
    return new ExportTarget("r", period, "run-1", Instant.EPOCH, "/lake", options);
  }
}
