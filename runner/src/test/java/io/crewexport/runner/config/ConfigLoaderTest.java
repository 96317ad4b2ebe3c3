package io.crewexport.runner.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crewexport.CrewexportException;
import io.crewexport.Period;
import io.crewexport.runner.plan.BatchPlanner;
import io.crewexport.runner.state.StateStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ConfigLoaderTest {
  private static final String VALID =
      """
      output: /data/lake
      timezone: Europe/London
      defaults:
        sinks: [parquet]
      accounts:
        acme:
          environment: production
          client-id-env: ACME_ID
          client-secret-env: ACME_SECRET
      reports:
        - id: oneonone.summary
          period: last-month
          window: day
        - id: people.directory
      """;

  @TempDir Path folder;

  @Test
  void readsAValidConfigWithItsDefaults() throws Exception {
    BatchConfig config = ConfigLoader.load(write(VALID)).config();

    assertThat(config.timezone().getId()).isEqualTo("Europe/London");
    assertThat(config.reports())
        .extracting(ReportConfig::id)
        .containsExactly("oneonone.summary", "people.directory");
    assertThat(config.reports().get(0).window()).isEqualTo(Window.DAY);
    assertThat(config.accounts().get("acme").clientSecretEnv()).isEqualTo("ACME_SECRET");
  }

  @Test
  void namesTheLineAndKeyOfAnUnknownKey() throws Exception {
    String typo = VALID.replace("    window: day", "    windw: day");
    assertThatThrownBy(() -> ConfigLoader.load(write(typo)))
        .isInstanceOf(CrewexportException.class)
        .hasMessageContaining("line 13")
        .hasMessageContaining("unknown key 'windw'")
        .hasMessageContaining("reports[0]");
  }

  @Test
  void namesTheLineOfABadPeriod() throws Exception {
    String bad = VALID.replace("period: last-month", "period: 2024-02-30..2024-03-01");
    assertThatThrownBy(() -> ConfigLoader.load(write(bad)))
        .isInstanceOf(CrewexportException.class)
        .hasMessageContaining("line 12")
        .hasMessageContaining("2024-02-30");
  }

  @Test
  void refusesAPeriodOfNoDaysAndAKeyGivenTwiceNamingTheirLines() {
    Map<String, String> refusals =
        Map.of(
            VALID.replace("period: last-month", "period: last-0-days"),
            "line 12, reports[0].period: 'last-0-days' holds no day",
            VALID.replace("    window: day", "    window: day\n    window: month"),
            "line 11, reports[0]: Duplicate field 'window'");

    refusals.forEach(
        (config, message) ->
            assertThatThrownBy(() -> ConfigLoader.load(write(config)))
                .isInstanceOf(CrewexportException.class)
                .hasMessageContaining(message));
  }

  @Test
  void refusesAStartAfterTheEnd() throws Exception {
    String bad = VALID.replace("period: last-month", "period: 2024-03-01..2024-02-01");
    assertThatThrownBy(
            () ->
                ConfigLoader.load(write(bad))
                    .config()
                    .reports()
                    .get(0)
                    .period()
                    .resolve(LocalDate.now(), Optional.empty(), Optional.empty()))
        .hasMessageContaining("after its end");
  }

  @Test
  void refusesSecretsWrittenInTheConfig() throws Exception {
    String extra =
        VALID.replace(
            "client-secret-env: ACME_SECRET",
            "client-secret-env: ACME_SECRET\n    client-secret: hunter2");
    assertThatThrownBy(() -> ConfigLoader.load(write(extra)))
        .hasMessageContaining("line 10")
        .hasMessageContaining("unknown key 'client-secret'")
        .hasMessageNotContaining("hunter2");
    String instead = VALID.replace("client-secret-env: ACME_SECRET", "client-secret: hunter2");
    assertThatThrownBy(() -> ConfigLoader.load(write(instead)))
        .hasMessageContaining("line ")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void namesTheLineOfAnUnknownSinkAndAccount() throws Exception {
    String sink = VALID.replace("sinks: [parquet]", "sinks: [parquet, excel]");
    assertThatThrownBy(() -> plan(sink)).hasMessageContaining("unknown sink 'excel'");
    String account =
        VALID.replace("  - id: people.directory", "  - id: people.directory\n    account: nope");
    assertThatThrownBy(() -> plan(account))
        .hasMessageContaining("line 15")
        .hasMessageContaining("unknown account 'nope'");
  }

  @Test
  void acceptsTheDocumentedExample() {
    ConfigLoader.Loaded loaded = ConfigLoader.load(Path.of("../docs/example-config.yaml"));
    Clock clock = Clock.fixed(Instant.parse("2024-03-15T12:00:00Z"), ZoneOffset.UTC);
    assertThat(
            new BatchPlanner(loaded, List.of("parquet", "duckdb", "csv"), clock)
                .plan(Set.of(), StateStore.read(folder.resolve("state")), false))
        .hasSize(5);
  }

  @Test
  void resolvesRelativePeriodsInTheConfiguredZone() {
    LocalDate today = LocalDate.of(2024, 3, 15);
    assertThat(PeriodSpec.parse("yesterday").resolve(today, Optional.empty(), Optional.empty()))
        .contains(Period.parse("2024-03-14", "2024-03-14"));
    assertThat(PeriodSpec.parse("last-month").resolve(today, Optional.empty(), Optional.empty()))
        .contains(Period.parse("2024-02-01", "2024-02-29"));
    assertThat(PeriodSpec.parse("month-to-date").resolve(today, Optional.empty(), Optional.empty()))
        .contains(Period.parse("2024-03-01", "2024-03-15"));
    assertThat(PeriodSpec.parse("year-to-date").resolve(today, Optional.empty(), Optional.empty()))
        .contains(Period.parse("2024-01-01", "2024-03-15"));
    assertThat(PeriodSpec.parse("last-7-days").resolve(today, Optional.empty(), Optional.empty()))
        .contains(Period.parse("2024-03-08", "2024-03-14"));
    assertThat(PeriodSpec.parse("none").resolve(today, Optional.empty(), Optional.empty()))
        .isEmpty();
  }

  @Test
  void splitsPeriodsIntoCalendarWindows() {
    assertThat(Window.QUARTER.split(Period.parse("2024-02-10", "2024-08-01")))
        .containsExactly(
            Period.parse("2024-02-10", "2024-03-31"),
            Period.parse("2024-04-01", "2024-06-30"),
            Period.parse("2024-07-01", "2024-08-01"));
    assertThat(Window.MONTH.split(Period.parse("2024-01-01", "2024-12-31"))).hasSize(12);
  }

  private void plan(String yaml) throws Exception {
    ConfigLoader.Loaded loaded = ConfigLoader.load(write(yaml));
    Clock clock = Clock.fixed(Instant.parse("2024-03-15T12:00:00Z"), ZoneOffset.UTC);
    new BatchPlanner(loaded, List.of("parquet", "csv"), clock)
        .plan(Set.of(), StateStore.read(folder.resolve("state")), false);
  }

  private Path write(String yaml) throws Exception {
    return Files.writeString(folder.resolve("crewexport.yaml"), yaml);
  }
}
