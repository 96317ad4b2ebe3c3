package io.crewexport.runner.batch;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.crewexport.runner.cli.ExitCode;
import io.crewexport.runner.demo.DemoServer;
import io.crewexport.runner.demo.DemoTimings;
import io.crewexport.runner.demo.GeneratedReport;
import io.crewexport.runner.demo.SampleReport;
import io.crewexport.runner.plan.BatchPlanner;
import io.crewexport.testing.DuckDb;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

final class BatchRunTest {
  private static final Map<String, String> ENV = Map.of("ACME_SECRET", "acme-secret");
  private static DemoServer server;

  @TempDir Path folder;

  @BeforeAll
  static void startServer() throws Exception {
    server =
        DemoServer.builder("acme", "acme-secret")
            .report(SampleReport.load())
            .report(new GeneratedReport("people.directory", 500, 7, Duration.ofMillis(300)))
            .timings(
                new DemoTimings(
                    Duration.ofMillis(100), Duration.ofMinutes(1), Duration.ofMinutes(30)))
            .build()
            .start();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @AfterEach
  void disarm() {
    CrashingSinkModule.OPENS_BEFORE_CRASH.set(-1);
    CrashingSinkModule.CRASH.set(AssertionError::new);
  }

  @Test
  void exportsTheGoodReportsOfABatchAndReportsTheFailedOne() {
    BatchFixture batch = new BatchFixture(folder);

    int code =
        batch.run(
            config(batch, "[parquet, duckdb, csv]")
                + report("oneonone.summary", "2024-01-01..2024-01-31", null)
                + report("people.directory", "2024-02-01..2024-02-29", null)
                + report("oneonone.summary", "2023-01-01..2023-12-31", "month")
                + report("no.such.report", "2024-01-01..2024-01-31", null),
            "2024-03-15",
            ENV);

    assertThat(code).isEqualTo(ExitCode.SOME_FAILED);
    List<String> exports = batch.lastExports();
    assertThat(exports).hasSize(45);
    assertThat(exports.stream().filter(e -> e.endsWith("committed"))).hasSize(42);
    assertThat(exports)
        .contains(
            "people.directory 2024-02-01..2024-02-29 duckdb committed",
            "oneonone.summary 2023-06-01..2023-06-30 parquet committed",
            "no.such.report 2024-01-01..2024-01-31 csv failed");
    assertThat(
            batch.out.resolve("parquet/oneonone.summary/start_date=2023-12-01/end_date=2023-12-31"))
        .isDirectory();
    JsonNode people = entry(batch, "people.directory", "parquet");
    assertThat(people.get("rows_read").asLong()).isEqualTo(500);
    assertThat(people.get("rows_reconcile").asBoolean()).isTrue();
    assertThat(people.get("job_ids")).hasSize(1);
    assertThat(people.get("files").get(0).get("sha256").asText()).hasSize(64);
    List<JsonNode> manifests = batch.manifests();
    assertThat(manifests.get(0).get("token_requests").get("acme").asLong()).isEqualTo(1);
  }

  @Test
  void sinceLastRunRequestsOnlyTheNewDays() {
    BatchFixture batch = new BatchFixture(folder);
    String config = dailySinceMarchFirst(batch, "[parquet]");

    assertThat(batch.run(config, "2024-03-04", ENV)).isZero();
    assertThat(batch.lastExports())
        .containsExactly(
            "oneonone.summary 2024-03-01..2024-03-01 parquet committed",
            "oneonone.summary 2024-03-02..2024-03-02 parquet committed",
            "oneonone.summary 2024-03-03..2024-03-03 parquet committed");

    assertThat(batch.run(config, "2024-03-06", ENV)).isZero();
    assertThat(batch.lastExports())
        .containsExactly(
            "oneonone.summary 2024-03-04..2024-03-04 parquet committed",
            "oneonone.summary 2024-03-05..2024-03-05 parquet committed");
  }

  @Test
  void sinceLastRunAsksAgainForAWindowThatFailedBetweenTwoThatCommitted() {
    BatchFixture batch = new BatchFixture(folder);
    String config = dailySinceMarchFirst(batch, "[parquet, crashing]");
    // The second export fails (a library that does not load fails that export only).
    CrashingSinkModule.CRASH.set(UnsatisfiedLinkError::new);
    CrashingSinkModule.OPENS_BEFORE_CRASH.set(1);

    assertThat(batch.run(config, "2024-03-04", ENV, "--parallel", "1"))
        .isEqualTo(ExitCode.SOME_FAILED);
    assertThat(batch.lastExports())
        .contains(
            "oneonone.summary 2024-03-01..2024-03-01 parquet committed",
            "oneonone.summary 2024-03-02..2024-03-02 crashing failed",
            "oneonone.summary 2024-03-03..2024-03-03 parquet committed");
    CrashingSinkModule.OPENS_BEFORE_CRASH.set(-1);

    assertThat(batch.run(config, "2024-03-05", ENV)).isZero();
    assertThat(batch.lastExports())
        .containsExactly(
            "oneonone.summary 2024-03-02..2024-03-02 parquet committed",
            "oneonone.summary 2024-03-02..2024-03-02 crashing committed",
            "oneonone.summary 2024-03-04..2024-03-04 parquet committed",
            "oneonone.summary 2024-03-04..2024-03-04 crashing committed");
  }

  /** A config of January's sample into Parquet, once exported by {@code batch}. */
  private static String januaryInParquetExported(BatchFixture batch) {
    String config =
        config(batch, "[parquet]") + report("oneonone.summary", "2024-01-01..2024-01-31", null);
    assertThat(batch.run(config, "2024-03-04", ENV)).isZero();
    return config;
  }

  /** What the batch session logs while {@code action} runs. */
  private static List<String> sessionLog(Runnable action) {
    return logOf(BatchSession.class, action);
  }

  /** What {@code source} logs while {@code action} runs. */
  private static List<String> logOf(Class<?> source, Runnable action) {
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    Logger logger = (Logger) LoggerFactory.getLogger(source);
    logger.addAppender(logged);
    try {
      action.run();
    } finally {
      logger.detachAppender(logged);
    }
    return logged.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
  }

  private static String dailySinceMarchFirst(BatchFixture batch, String sinks) {
    return config(batch, sinks)
        + "  - id: oneonone.summary\n"
        + "    period: since-last-run\n"
        + "    initial-start: 2024-03-01\n"
        + "    window: day\n";
  }

  @Test
  void aMisspeltOptionStopsTheRunBeforeAnythingIsAskedOrWritten() {
    BatchFixture batch = new BatchFixture(folder);
    String config =
        config(batch, "[csv]")
            + report("oneonone.summary", "2024-01-01..2024-01-31", null)
            + "    options:\n"
            + "      csv.gzpi: \"true\"\n";

    assertThat(batch.run(config, "2024-03-04", ENV)).isEqualTo(ExitCode.USAGE);
    assertThat(batch.out).doesNotExist();
  }

  @Test
  void resumeAfterARunThatFinishedSaysThereIsNothingToResume() {
    BatchFixture batch = new BatchFixture(folder);
    String config = januaryInParquetExported(batch);
    List<String> logged =
        sessionLog(() -> assertThat(batch.run(config, "2024-03-04", ENV, "--resume")).isZero());

    assertThat(logged)
        .containsOnlyOnce(
            "--resume: the last run finished (its failed exports are planned again like the"
                + " rest), so this run exports the whole plan");
    assertThat(batch.lastExports())
        .containsExactly("oneonone.summary 2024-01-01..2024-01-31 parquet committed");
  }

  @Test
  void warnsWhenASecondAccountMovesExportsAwayFromTheFirstOnesFiles() {
    BatchFixture batch = new BatchFixture(folder);
    String one = januaryInParquetExported(batch);
    String two =
        one.replace(
                "reports:\n",
                "  beta:\n    base-url: "
                    + server.baseUrl()
                    + "\n    client-id: acme\n    client-secret-env: ACME_SECRET\nreports:\n")
            + "    account: acme\n";
    List<String> logged = sessionLog(() -> assertThat(batch.run(two, "2024-03-04", ENV)).isZero());

    assertThat(logged)
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith(
                        batch.out + " holds parquet, written when the config had one account")
                    .contains("go under " + batch.out + "/<account>/ instead"));
    assertThat(batch.out.resolve("acme/parquet/oneonone.summary")).isDirectory();
  }

  @Test
  void resumeAfterACrashSkipsWhatCommitted() {
    BatchFixture batch = new BatchFixture(folder);
    String config =
        config(batch, "[parquet, crashing]")
            + report("oneonone.summary", "2024-01-01..2024-03-31", "month");
    CrashingSinkModule.OPENS_BEFORE_CRASH.set(1);

    int crashed = batch.run(config, "2024-04-02", ENV, "--parallel", "1");

    assertThat(crashed).isEqualTo(ExitCode.FAILED);
    assertThat(batch.out.resolve("parquet/oneonone.summary/start_date=2024-01-01")).isDirectory();
    CrashingSinkModule.OPENS_BEFORE_CRASH.set(-1);

    assertThat(batch.run(config, "2024-04-02", ENV, "--resume")).isZero();
    assertThat(batch.lastExports())
        .containsExactly(
            "oneonone.summary 2024-02-01..2024-02-29 parquet committed",
            "oneonone.summary 2024-02-01..2024-02-29 crashing committed",
            "oneonone.summary 2024-03-01..2024-03-31 parquet committed",
            "oneonone.summary 2024-03-01..2024-03-31 crashing committed");
  }

  @Test
  void resumeGivesEachEntryOfASplitReportItsOwnColumnRules() {
    BatchFixture batch = new BatchFixture(folder);
    String config =
        config(batch, "[parquet]")
            + "  - {id: oneonone.summary, period: 2024-01-01..2024-01-31, sinks: [crashing]}\n"
            + "  - {id: oneonone.summary, period: 2024-01-01..2024-01-31, sinks: [parquet],"
            + " columns: {Email: drop}}\n";
    CrashingSinkModule.OPENS_BEFORE_CRASH.set(0);

    assertThat(batch.run(config, "2024-03-04", ENV, "--parallel", "1")).isEqualTo(ExitCode.FAILED);
    CrashingSinkModule.OPENS_BEFORE_CRASH.set(-1);
    assertThat(batch.run(config, "2024-03-04", ENV, "--resume")).isZero();

    assertThat(batch.lastExports())
        .containsExactlyInAnyOrder(
            "oneonone.summary 2024-01-01..2024-01-31 crashing committed",
            "oneonone.summary 2024-01-01..2024-01-31 parquet committed");
    assertThat(
            DuckDb.query(
                    "SELECT * FROM read_parquet('"
                        + batch.out.resolve("parquet/oneonone.summary")
                        + "/start_date=*/end_date=*/*.parquet')")
                .names())
        .contains("employee")
        .doesNotContain("email");
  }

  @Test
  void resumeSkipsWhatNoEntryOfTheConfigNowWritesRatherThanBorrowAnotherEntrysRules() {
    BatchFixture batch = new BatchFixture(folder);
    String config =
        config(batch, "[parquet]")
            + "  - {id: oneonone.summary, period: 2024-01-01..2024-01-31, sinks: [crashing]}\n";
    CrashingSinkModule.OPENS_BEFORE_CRASH.set(0);
    assertThat(batch.run(config, "2024-03-04", ENV)).isEqualTo(ExitCode.FAILED);
    CrashingSinkModule.OPENS_BEFORE_CRASH.set(-1);
    String changed =
        config.replace("sinks: [crashing]}", "sinks: [parquet], columns: {Email: drop}}");

    List<String> logged =
        logOf(
            BatchPlanner.class,
            () -> assertThat(batch.run(changed, "2024-03-04", ENV, "--resume")).isZero());

    assertThat(logged)
        .anySatisfy(
            line ->
                assertThat(line)
                    .contains(
                        "no entry of acme/oneonone.summary in the config now writes to [crashing]"));
    assertThat(batch.out.resolve("parquet")).doesNotExist();
  }

  @Test
  void aLibraryThatFailsToLoadFailsItsExportOnlyAndTheRunGoesOn() {
    BatchFixture batch = new BatchFixture(folder);
    String config =
        config(batch, "[parquet, crashing]")
            + report("oneonone.summary", "2024-01-01..2024-03-31", "month");
    // What snappy-java throws when it cannot unpack its native library into a full /tmp.
    CrashingSinkModule.CRASH.set(UnsatisfiedLinkError::new);
    CrashingSinkModule.OPENS_BEFORE_CRASH.set(1);

    int code = batch.run(config, "2024-04-02", ENV, "--parallel", "1");

    assertThat(code).isEqualTo(ExitCode.SOME_FAILED);
    assertThat(batch.lastExports())
        .containsExactlyInAnyOrder(
            "oneonone.summary 2024-01-01..2024-01-31 parquet committed",
            "oneonone.summary 2024-01-01..2024-01-31 crashing committed",
            "oneonone.summary 2024-02-01..2024-02-29 parquet failed",
            "oneonone.summary 2024-02-01..2024-02-29 crashing failed",
            "oneonone.summary 2024-03-01..2024-03-31 parquet committed",
            "oneonone.summary 2024-03-01..2024-03-31 crashing committed");
    List<JsonNode> manifests = batch.manifests();
    JsonNode failed =
        StreamSupport.stream(
                manifests.get(manifests.size() - 1).get("exports").spliterator(), false)
            .filter(e -> e.get("status").asText().equals("failed"))
            .findFirst()
            .orElseThrow();
    assertThat(failed.get("error_code").asText()).isEqualTo("SINK_FAILED");
    assertThat(failed.get("error").asText())
        .contains("2024-02-01..2024-02-29", "UnsatisfiedLinkError", "simulated crash");
  }

  @Test
  void dryRunPrintsThePlanAndWritesNothing() {
    BatchFixture batch = new BatchFixture(folder);

    int code =
        batch.run(
            config(batch, "[parquet]") + report("oneonone.summary", "last-month", "month"),
            "2024-04-02",
            ENV,
            "--dry-run");

    assertThat(code).isZero();
    assertThat(batch.out).doesNotExist();
  }

  private static JsonNode entry(BatchFixture batch, String report, String sink) {
    List<JsonNode> manifests = batch.manifests();
    for (JsonNode e : manifests.get(manifests.size() - 1).get("exports")) {
      if (e.get("report_id").asText().equals(report) && e.get("sink").asText().equals(sink)) {
        return e;
      }
    }
    throw new AssertionError("no manifest entry for " + report + " " + sink);
  }

  private static String config(BatchFixture batch, String sinks) {
    return "output: '"
        + batch.out
        + "'\n"
        + "defaults:\n"
        + "  sinks: "
        + sinks
        + "\n"
        + "accounts:\n"
        + "  acme:\n"
        + "    base-url: "
        + server.baseUrl()
        + "\n"
        + "    client-id: acme\n"
        + "    client-secret-env: ACME_SECRET\n"
        + "reports:\n";
  }

  private static String report(String id, String period, String window) {
    return "  - id: "
        + id
        + "\n"
        + "    period: "
        + period
        + "\n"
        + (window == null ? "" : "    window: " + window + "\n");
  }
}
