package io.crewexport.runner.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crewexport.runner.cli.ExitCode;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults that outlast every retry, through the packaged jar: a first run exports every account
 * cleanly, then a second run meets one fault per account, all at once. Each failed export must say
 * which report and period failed and why, leave the first run's files and table rows exactly as
 * they were, leave no staging file behind, and be recorded as failed in the manifest.
 */
final class PersistentFaultsIT {
  private static final String REPORT = "people.report";
  private static final String JANUARY = "2024-01-01..2024-01-31";
  private static final List<String> SINKS = List.of("csv", "duckdb", "parquet");

  @TempDir static Path folder;
  private static FaultServer server;
  private static Lake lake;
  private static Map<String, Map<String, String>> filesBefore = new HashMap<>();
  private static Map<String, String> tablesBefore = new HashMap<>();
  private static CrewexportJar.Result faulted;
  private static Manifest manifest;

  @BeforeAll
  static void exportCleanlyThenMeetTheFaults() throws Exception {
    server = FaultServer.start();
    lake = new Lake(folder.resolve("lake"));
    CrewexportJar jar = new CrewexportJar(folder);
    String closedPort = "http://127.0.0.1:" + closedPort() + "/refused";

    CrewexportJar.Result clean = run(jar, server.baseUrl("refused"));
    assertThat(clean.code()).as(clean.toString()).isZero();
    for (String account : accounts()) {
      filesBefore.put(account, lake.published(account));
      tablesBefore.put(account, lake.table(account, "people_report"));
    }

    server.account("reset").heal(2).everyDownload(Reply.resetAfter(300));
    server.account("stall").heal(2).everyDownload(Reply.stallAfter(300, Duration.ofSeconds(4)));
    server.account("chunked").heal(2).everyDownload(Reply.chunkedCutAfter(300));
    server.account("cut").heal(2).everyDownload(Reply.lengthCutAfter(300));
    server.account("error500").heal(2).everyDownload(Reply.status(500));
    server.account("busy503").heal(2).everyDownload(Reply.status(503));
    server.account("limited429").heal(2).everyDownload(Reply.status(429, 1));
    server.account("tokendown").heal(2).everyTokenRequest(Reply.status(503));
    server.account("expiring").heal(2).everyDownload(Reply.expiredJob());
    server.account("revoked").heal(2).revokeCredentialsAtDownload(2);
    faulted = run(jar, closedPort);
    manifest = Manifest.latest(lake.root.resolve("_crewexport"));
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
  }

  @Test
  void theBatchSaysCredentialsWereRefusedAndNothingElseCommitted() {
    assertThat(faulted.code()).as(faulted.toString()).isEqualTo(ExitCode.AUTH);
    assertThat(manifest.json().get("status").asText()).isEqualTo("some_failed");
    assertThat(faulted.stdout()).contains("1 export(s) committed, 12 failed.");
  }

  @Test
  void connectionRefusedKeepsThePreviousExport() throws Exception {
    assertFailedCleanly("refused", "TRANSPORT", "Connection refused");
  }

  @Test
  void connectionResetMidBodyKeepsThePreviousExport() throws Exception {
    assertFailedCleanly("reset", "TRANSPORT", "Connection reset");
  }

  @Test
  void stalledBodyTimesOutAndKeepsThePreviousExport() throws Exception {
    assertFailedCleanly("stall", "TRANSPORT", "Read timed out");
  }

  @Test
  void truncatedChunkedStreamKeepsThePreviousExport() throws Exception {
    assertFailedCleanly("chunked", "TRANSPORT", "Premature EOF");
  }

  @Test
  void bodyShorterThanItsContentLengthKeepsThePreviousExport() throws Exception {
    assertFailedCleanly("cut", "TRANSPORT", "the body was cut short: 300 of");
  }

  @Test
  void serverErrorsKeepThePreviousExport() throws Exception {
    assertFailedCleanly("error500", "SERVER_ERROR", "HTTP 500 (injected HTTP 500) after 5 tries");
  }

  @Test
  void serviceUnavailableKeepsThePreviousExport() throws Exception {
    assertFailedCleanly("busy503", "SERVER_ERROR", "HTTP 503 (injected HTTP 503) after 5 tries");
    assertThat(server.account("busy503").downloadRequests()).isEqualTo(1 + 5);
  }

  @Test
  void rateLimitingKeepsThePreviousExport() throws Exception {
    assertFailedCleanly("limited429", "RATE_LIMITED", "HTTP 429 (injected HTTP 429) after 5 tries");
  }

  @Test
  void tokenEndpointDownKeepsThePreviousExport() throws Exception {
    assertFailedCleanly("tokendown", "SERVER_ERROR", "Token request: Crewmojo answered HTTP 503");
    assertThat(server.account("tokendown").downloadRequests()).isEqualTo(1);
  }

  @Test
  void jobExpiringOnEveryAttemptGivesUpAskingToContactCrewmojo() throws Exception {
    JsonNode entry =
        assertFailedCleanly("expiring", "GAVE_UP", "not ready after 3 attempts").get(0);
    assertThat(entry.get("error").asText()).contains("contacted", "job ids: ");
    assertThat(server.account("expiring").polls()).isEqualTo(3);
  }

  @Test
  void credentialsRevokedMidBatchFailTheRestAndKeepTheirPreviousExports() throws Exception {
    Map<String, String> statuses = manifest.statuses("revoked", REPORT);
    List<String> committedMonths =
        statuses.entrySet().stream()
            .filter(e -> e.getValue().equals("committed"))
            .map(e -> e.getKey().split(" ")[0])
            .distinct()
            .toList();
    assertThat(committedMonths).hasSize(1);
    for (JsonNode entry : manifest.entries("revoked", REPORT)) {
      String start = entry.get("period_start").asText();
      if (committedMonths.contains(start)) {
        continue;
      }
      assertThat(entry.get("status").asText()).isEqualTo("failed");
      assertThat(entry.get("error_code").asText()).isEqualTo("UNAUTHORIZED");
      assertThat(entry.get("error").asText())
          .contains(REPORT + " [" + start, "refused the client credentials");
      String partition = "start_date=" + start;
      Map<String, String> before = filesBefore.get("revoked");
      before.forEach(
          (path, sum) -> {
            if (path.contains(partition)) {
              assertThat(lake.published("revoked")).containsEntry(path, sum);
            }
          });
    }
    assertThat(lake.hidden()).isEmpty();
  }

  /** Asserts the account's one export failed with {@code code} and {@code cause}, cleanly. */
  private static List<JsonNode> assertFailedCleanly(String account, String code, String cause)
      throws Exception {
    List<JsonNode> entries = manifest.entries(account, REPORT);
    assertThat(entries)
        .extracting(e -> e.get("sink").asText())
        .containsExactlyInAnyOrderElementsOf(SINKS);
    for (JsonNode entry : entries) {
      assertThat(entry.get("status").asText()).isEqualTo("failed");
      assertThat(entry.get("error_code").asText()).isEqualTo(code);
      assertThat(entry.get("error").asText()).contains(REPORT, JANUARY, cause);
    }
    assertThat(faulted.lines("ERROR"))
        .as(faulted.toString())
        .anySatisfy(line -> assertThat(line).contains(REPORT, JANUARY, cause));
    assertThat(lake.published(account)).hasSize(2).isEqualTo(filesBefore.get(account));
    assertThat(lake.table(account, "people_report")).isEqualTo(tablesBefore.get(account));
    assertThat(lake.hidden()).isEmpty();
    return entries;
  }

  private static CrewexportJar.Result run(CrewexportJar jar, String refusedUrl) throws Exception {
    BatchYaml yaml = new BatchYaml(lake.root);
    yaml.account("refused", refusedUrl, server.account("refused").secret, null);
    for (String account : accounts()) {
      if (account.equals("refused")) {
        continue;
      }
      if (account.equals("stall")) {
        yaml.account(account, server.baseUrl(account), server.account(account).secret, 1);
      } else {
        yaml.account(server, account);
      }
    }
    for (String account : accounts()) {
      if (account.equals("revoked")) {
        yaml.report(account, REPORT, "2024-01-01..2024-03-31", "month");
      } else {
        yaml.report(account, REPORT, JANUARY, null);
      }
    }
    Path config = yaml.write(Files.createTempFile(folder, "config", ".yaml"));
    return jar.run(yaml.env(), "export", "--config", config.toString(), "--parallel", "13");
  }

  private static List<String> accounts() {
    return List.of(
        "refused",
        "reset",
        "stall",
        "chunked",
        "cut",
        "error500",
        "busy503",
        "limited429",
        "tokendown",
        "expiring",
        "revoked");
  }

  private static int closedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
