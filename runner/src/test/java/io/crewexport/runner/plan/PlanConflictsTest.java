package io.crewexport.runner.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crewexport.CrewexportException;
import io.crewexport.ErrorCode;
import io.crewexport.runner.config.ConfigLoader;
import io.crewexport.runner.state.StateStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Configs whose exports would collide are refused while planning, before anything runs. */
final class PlanConflictsTest {
  private static final String HEAD =
      """
      output: /data/lake
      defaults:
        sinks: [parquet, duckdb, csv]
      accounts:
        acme:
          base-url: http://127.0.0.1:9
          client-id: acme
          client-secret-env: ACME_SECRET
      reports:
      """;

  private static final String YEAR = "2024-01-01..2024-12-31";

  @TempDir Path folder;

  @Test
  void refusesOneReportListedTwiceForTheSamePeriod() throws Exception {
    String yaml = HEAD + report("r1", YEAR) + report("r1", YEAR) + "    columns: {Email: drop}\n";

    assertThatThrownBy(() -> plan(yaml, Set.of()))
        .isInstanceOf(CrewexportException.class)
        .hasMessageContaining("crewexport.yaml, lines 10 and 12, reports[0] and reports[1]")
        .hasMessageContaining("acme: r1 [2024-01-01..2024-12-31] to parquet, duckdb, csv")
        .hasMessageContaining("Keep one of the two entries")
        .extracting(e -> ((CrewexportException) e).code())
        .isEqualTo(ErrorCode.CONFIGURATION);
  }

  @Test
  void refusesTwoSnapshotsOfOneReportEvenWhenOnlyIsGiven() throws Exception {
    String yaml = HEAD + "  - id: r1\n  - id: r2\n  - id: r1\n    sinks: [csv, jsonl]\n";

    assertThatThrownBy(() -> plan(yaml, Set.of("r2")))
        .hasMessageContaining("lines 10 and 12, reports[0] and reports[2]")
        .hasMessageContaining("acme: r1 [no period] to csv,");
  }

  @Test
  void refusesAWindowThatRepeatsAnotherEntrysPeriod() throws Exception {
    String yaml =
        HEAD
            + report("r1", "2024-01-01..2024-03-31")
            + "    window: month\n"
            + report("r1", "2024-02-01..2024-02-29");

    assertThatThrownBy(() -> plan(yaml, Set.of()))
        .hasMessageContaining("reports[0] and reports[1]")
        .hasMessageContaining("r1 [2024-02-01..2024-02-29]");
  }

  @Test
  void plansOneReportForPeriodsThatDiffer() throws Exception {
    String yaml = HEAD + report("r1", "2023-01-01..2023-12-31") + report("r1", YEAR);

    assertThat(plan(yaml, Set.of())).hasSize(2);
  }

  @Test
  void plansOneReportAndPeriodTwiceWhenTheEntriesShareNoSink() throws Exception {
    String yaml =
        HEAD
            + report("r1", YEAR)
            + "    sinks: [parquet]\n"
            + report("r1", YEAR)
            + "    sinks: [csv]\n";

    assertThat(plan(yaml, Set.of()))
        .extracting(ExportUnit::sinks)
        .containsExactly(List.of("parquet"), List.of("csv"));
  }

  @Test
  void refusesTwoReportIdsThatBecomeOneDuckDbTable() throws Exception {
    String yaml = HEAD + report("r.1", YEAR) + report("r-1", YEAR);

    assertThatThrownBy(() -> plan(yaml, Set.of("r-1")))
        .isInstanceOf(CrewexportException.class)
        .hasMessageContaining("lines 10 and 12, reports[0] and reports[1]")
        .hasMessageContaining("reports acme/r.1 and acme/r-1")
        .hasMessageContaining("DuckDB table main.r_1 in /data/lake/crewexport.duckdb")
        .hasMessageContaining("duckdb.schema");
  }

  @Test
  void seesOneDatabaseFileBehindTwoSpellingsOfItsPath() throws Exception {
    String yaml =
        HEAD
            + "  - {id: r-1, options: {duckdb.file: /d/x.duckdb}}\n"
            + "  - {id: r_1, options: {duckdb.file: /d/sub/../x.duckdb}}\n";

    assertThatThrownBy(() -> plan(yaml, Set.of()))
        .hasMessageContaining("reports acme/r-1 and acme/r_1 both become DuckDB table main.r_1");
  }

  @Test
  void refusesASchemaThatIsAnotherAccountsOwn() throws Exception {
    String yaml =
        HEAD.replace("reports:\n", "")
            + "  beta:\n"
            + "    base-url: http://127.0.0.1:9\n"
            + "    client-id: beta\n"
            + "    client-secret-env: BETA_SECRET\n"
            + "reports:\n"
            + "  - {id: r1, account: acme, options: {duckdb.schema: beta}}\n"
            + "  - {id: r1, account: beta}\n";

    assertThatThrownBy(() -> plan(yaml, Set.of()))
        .hasMessageContaining("reports acme/r1 and beta/r1 both become DuckDB table beta.r1");
  }

  @Test
  void plansReportIdsThatShareATableNameOutsideDuckDb() throws Exception {
    String files = HEAD + "  - id: r.1\n  - id: r-1\n";
    String apart = files.replace("  - id: r-1\n", "  - id: r-1\n    options: {duckdb.schema: b}\n");

    assertThat(plan(files.replace("parquet, duckdb, csv", "parquet, csv"), Set.of())).hasSize(2);
    assertThat(plan(apart, Set.of())).hasSize(2);
  }

  @Test
  void refusesAnOnlyThatNamesNoReport() throws Exception {
    String yaml = HEAD + "  - id: r1\n  - id: r0\n";

    assertThatThrownBy(() -> plan(yaml, Set.of("r1", "r2")))
        .isInstanceOf(CrewexportException.class)
        .hasMessageContaining("--only r2: ")
        .hasMessageContaining("crewexport.yaml has no report r2")
        .hasMessageContaining("Its reports are [r0, r1]");
  }

  /** A report entry of {@code id} for {@code period}. */
  private static String report(String id, String period) {
    return "  - id: " + id + "\n    period: " + period + "\n";
  }

  private List<ExportUnit> plan(String yaml, Set<String> only) throws Exception {
    ConfigLoader.Loaded loaded =
        ConfigLoader.load(Files.writeString(folder.resolve("crewexport.yaml"), yaml));
    Clock clock = Clock.fixed(Instant.parse("2025-03-15T12:00:00Z"), ZoneOffset.UTC);
    return new BatchPlanner(loaded, List.of("parquet", "duckdb", "csv", "jsonl"), clock)
        .plan(only, StateStore.read(folder.resolve("state")), false);
  }
}
