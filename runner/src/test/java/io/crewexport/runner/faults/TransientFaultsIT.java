package io.crewexport.runner.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults that pass, through the packaged jar: one run meets them all at once, one account each, and
 * every export must still commit, to every sink, exactly the rows the server meant to send, after
 * retries that the log names.
 */
final class TransientFaultsIT {
  private static final String REPORT = "people.report";
  private static final String JANUARY = "2024-01-01..2024-01-31";

  @TempDir static Path folder;
  private static FaultServer server;
  private static Lake lake;
  private static CrewexportJar.Result result;
  private static Manifest manifest;

  @BeforeAll
  static void runThroughTheFaults() throws Exception {
    server = FaultServer.start();
    lake = new Lake(folder.resolve("lake"));
    server.account("reset").nextDownloads(Reply.resetAfter(300));
    server.account("stall").nextDownloads(Reply.stallAfter(300, Duration.ofSeconds(3)));
    server.account("chunked").nextDownloads(Reply.chunkedCutAfter(300));
    server.account("trickle").everyDownload(Reply.trickle(64, Duration.ofMillis(150)));
    server.account("burst500").nextDownloads(Reply.status(500), Reply.status(500));
    server.account("busy503").nextDownloads(Reply.status(503));
    server.account("busy503after").nextDownloads(Reply.status(503, 1));
    server.account("limited429").nextDownloads(Reply.status(429));
    server.account("limited429after").nextDownloads(Reply.status(429, 1));
    server.account("expiring").nextDownloads(Reply.expiredJob(), Reply.job(0, Reply.data()));
    server.account("midbatch").rivalTokenAtDownload(2);
    server
        .account("parallel")
        .rivalTokenAtDownload(1)
        .everyDownload(Reply.delayed(Duration.ofMillis(300), Reply.data()));

    BatchYaml yaml = new BatchYaml(lake.root);
    for (String account : List.of("stall", "trickle")) {
      yaml.account(account, server.baseUrl(account), server.account(account).secret, 1);
      yaml.report(account, REPORT, JANUARY, null);
    }
    for (String account :
        List.of(
            "reset",
            "chunked",
            "burst500",
            "busy503",
            "busy503after",
            "limited429",
            "limited429after",
            "expiring")) {
      yaml.account(server, account).report(account, REPORT, JANUARY, null);
    }
    yaml.account(server, "midbatch").report("midbatch", REPORT, "2024-01-01..2024-03-31", "month");
    yaml.account(server, "parallel").report("parallel", REPORT, "2024-01-01..2024-04-30", "month");
    Path config = yaml.write(Files.createTempFile(folder, "config", ".yaml"));

    result =
        new CrewexportJar(folder)
            .run(yaml.env(), "export", "--config", config.toString(), "--parallel", "8");
    manifest = Manifest.latest(lake.root.resolve("_crewexport"));
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
  }

  @Test
  void everyExportCommitsAndNothingIsLeftOver() {
    assertThat(result.code()).as(result.toString()).isZero();
    assertThat(result.stdout()).contains("17 export(s) committed, 0 failed.");
    assertThat(lake.hidden()).isEmpty();
  }

  @Test
  void retriesAConnectionResetMidBody() throws Exception {
    assertRecovered("reset", "SocketException: Connection reset", 2);
  }

  @Test
  void retriesABodyThatStallsPastTheReadTimeout() throws Exception {
    assertRecovered("stall", "SocketTimeoutException: Read timed out", 2);
  }

  @Test
  void retriesATruncatedChunkedStream() throws Exception {
    assertRecovered("chunked", "IOException: Premature EOF", 2);
  }

  @Test
  void waitsOutASlowTrickleThatNeverStallsForLong() throws Exception {
    assertCommittedAsServed("trickle", JANUARY);
    assertThat(result.lines("WARN")).noneMatch(line -> line.contains("trickle"));
    assertThat(server.account("trickle").downloadRequests()).isEqualTo(1);
  }

  @Test
  void retriesABurstOfServerErrors() throws Exception {
    assertRecovered("burst500", "HTTP 500 injected HTTP 500; try 3 of 5", 3);
  }

  @Test
  void retriesServiceUnavailableWithAndWithoutRetryAfter() throws Exception {
    assertRecovered("busy503", "HTTP 503 injected HTTP 503; try 2 of 5", 2);
    assertRecovered("busy503after", "HTTP 503 injected HTTP 503; try 2 of 5 in 1000 ms", 2);
  }

  @Test
  void retriesRateLimitingWithAndWithoutRetryAfter() throws Exception {
    assertRecovered("limited429", "HTTP 429 injected HTTP 429; try 2 of 5", 2);
    assertRecovered("limited429after", "HTTP 429 injected HTTP 429; try 2 of 5 in 1000 ms", 2);
  }

  @Test
  void requestsTheReportAgainWhenItsJobExpires() throws Exception {
    assertCommittedAsServed("expiring", JANUARY);
    JsonNode entry = manifest.entries("expiring", REPORT).get(0);
    assertThat(entry.get("attempts").asInt()).isEqualTo(2);
    assertThat(entry.get("job_ids")).hasSize(2);
    assertThat(result.stderr())
        .containsPattern(
            "people.report \\["
                + JANUARY.replace(".", "\\.")
                + "\\]: EXPIRED \\(attempt 1, job [0-9a-f]{32}");
  }

  @Test
  void aTokenInvalidatedMidBatchIsRefreshedOnceAndTheBatchGoesOn() throws Exception {
    for (String month : List.of("2024-01-01..2024-01-31", "2024-02-01..2024-02-29")) {
      assertCommittedAsServed("midbatch", month);
    }
    assertThat(server.account("midbatch").tokenRequests()).isEqualTo(2);
    assertThat(manifest.statuses("midbatch", REPORT)).hasSize(9).containsValue("committed");
    assertThat(manifest.statuses("midbatch", REPORT).values()).containsOnly("committed");
  }

  @Test
  void aRivalTokenDuringParallelExportsCostsOneRefreshForAllOfThem() throws Exception {
    assertThat(manifest.statuses("parallel", REPORT).values())
        .hasSize(12)
        .containsOnly("committed");
    assertThat(server.account("parallel").tokenRequests()).isEqualTo(2);
    assertThat(server.account("parallel").issuedTokens()).hasSize(3);
    assertThat(lake.codes("parallel", "parallel", REPORT).get("duckdb")).hasSize(4 * 11);
  }

  /** The account's export committed as served, after a WARN naming the cause; n requests. */
  private static void assertRecovered(String account, String cause, int requests) throws Exception {
    assertCommittedAsServed(account, JANUARY);
    assertThat(result.lines("WARN"))
        .as(result.toString())
        .anySatisfy(line -> assertThat(line).contains(REPORT + " [" + JANUARY + "]: " + cause));
    assertThat(server.account(account).downloadRequests()).isEqualTo(requests);
  }

  /** Every sink holds exactly the rows served for the account's period starting as given. */
  private static void assertCommittedAsServed(String account, String period) throws Exception {
    assertThat(manifest.entries(account, REPORT))
        .as(result.toString())
        .filteredOn(e -> e.get("period_start").asText().equals(period.substring(0, 10)))
        .hasSize(3)
        .allSatisfy(
            e -> {
              assertThat(e.get("status").asText()).isEqualTo("committed");
              assertThat(e.get("rows_written").asLong()).isEqualTo(11);
            });
    Map<String, List<String>> codes = lake.codes(account, account, REPORT);
    List<String> expected = new ArrayList<>();
    int windows = (int) manifest.entries(account, REPORT).size() / 3;
    for (int i = 0; i < windows; i++) {
      ReportBodies.rows(1, LocalDate.parse(period.substring(0, 10)))
          .forEach(row -> expected.add(row[1]));
    }
    Collections.sort(expected);
    assertThat(codes).containsOnlyKeys("parquet", "csv", "duckdb");
    codes.values().forEach(actual -> assertThat(actual).isEqualTo(expected));
  }
}
