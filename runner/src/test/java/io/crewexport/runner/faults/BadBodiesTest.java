package io.crewexport.runner.faults;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crewexport.runner.cli.ExitCode;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * Report bodies that are not what they should be. Each test exports January cleanly, then gets the
 * bad body for the same period: a body that cannot be a report is refused with a message naming the
 * report, the period and what was wrong, leaving every sink's previous export as it was; a body
 * that is odd but readable is exported in full.
 */
final class BadBodiesTest {
  private static final String REPORT = "people.report";
  private static final String JANUARY = "2024-01-01..2024-01-31";
  private static FaultServer server;

  @TempDir Path folder;
  private String account;
  private Lake lake;
  private InProcess crewexport;
  private Map<String, String> filesBefore;
  private String tableBefore;

  @BeforeAll
  static void startServer() throws Exception {
    server = FaultServer.start();
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
  }

  @BeforeEach
  void exportJanuaryCleanly(TestInfo test) throws Exception {
    account = test.getTestMethod().orElseThrow().getName().toLowerCase(java.util.Locale.ROOT);
    lake = new Lake(folder.resolve("lake"));
    crewexport = new InProcess(folder);
    assertThat(crewexport.export(config())).isZero();
    filesBefore = lake.published();
    tableBefore = lake.table("main", "people_report");
    server.account(account).generation(2);
  }

  @Test
  void htmlWithStatus200() throws Exception {
    serve("text/html; charset=utf-8", "<!doctype html><html><body>Sign in</body></html>");
    assertRefused("UNEXPECTED_RESPONSE", "an HTML page instead of a report");
  }

  @Test
  void emptyBody() throws Exception {
    serve("text/csv", "");
    assertRefused("UNEXPECTED_RESPONSE", "an empty body instead of a report");
  }

  @Test
  void errorJsonWithStatus200() throws Exception {
    serve("application/json", "{\"success\":\"false\",\"errorMessage\":\"Report failed\"}");
    assertRefused("UNEXPECTED_RESPONSE", "an error instead of data: Report failed");
  }

  @Test
  void jsonWhereCsvWasAskedIsReadAsJson() throws Exception {
    server.account(account).everyDownload(Reply.data()).nextDownloads(jsonReport());
    assertThat(crewexport.export(config())).isZero();
    assertCommitted(12);
  }

  @Test
  void invalidUtf8() throws Exception {
    byte[] bytes = csv(ReportBodies.rows(2, null)).getBytes(UTF_8);
    bytes[bytes.length - 5] = (byte) 0xC3;
    bytes[bytes.length - 4] = (byte) 0x28;
    server.account(account).everyDownload(Reply.body("text/csv", bytes));
    assertRefused("MALFORMED_REPORT", "line 14 holds bytes that are not valid UTF-8");
  }

  @Test
  void aRowLongerThanTheHeadings() throws Exception {
    List<String[]> rows = ReportBodies.rows(2, null);
    serve("text/csv", csv(rows) + "Eve,e1,e@example.com,No,0,0,note,EXTRA\r\n");
    assertRefused("MALFORMED_REPORT", "line 15 has 8 cells but the heading row has 7");
  }

  @Test
  void aCellOfSpacesThenAQuoteIsKeptAsItStandsInEverySink() throws Exception {
    // DuckDB's own CSV reader would unquote it: the export must not let it load this body.
    serve("text/csv", csv(ReportBodies.rows(2, null)) + "Eve,g2-emp99, \"e@x\",No,0,0,n\r\n");
    assertThat(crewexport.export(config())).isZero();
    assertCommitted(13);
    assertThat(lake.query("SELECT email FROM lake.main.people_report WHERE employee = 'Eve'"))
        .isEqualTo(" \"e@x\"");
  }

  @Test
  void rowsShorterThanTheHeadingsArePaddedAndCounted() throws Exception {
    serve("text/csv", csv(ReportBodies.rows(2, null)) + "Eve,g2-emp99\r\nFay,g2-emp98,f@x\r\n");
    assertThat(crewexport.export(config())).isZero();
    assertCommitted(14);
    JsonNode entry =
        Manifest.latest(lake.root.resolve("_crewexport")).entries(account, REPORT).get(0);
    assertThat(entry.get("padded_rows").asInt()).isEqualTo(2);
    assertThat(lake.query("SELECT count(*) FROM lake.main.people_report WHERE email IS NULL"))
        .isEqualTo("1");
  }

  @Test
  void headingsOnly() throws Exception {
    serve("text/csv", csv(List.of()));
    assertRefused("SUSPICIOUS_REPORT", "the report came back with no rows");
  }

  @Test
  void aLineOfAMillionCommas() throws Exception {
    serve("text/csv", csv(ReportBodies.rows(2, null)) + ",".repeat(1_000_000) + "\r\n");
    assertRefused("MALFORMED_REPORT", "line 15 has 1000001 cells but the heading row has 7");
  }

  /**
   * A cell far larger than any HR report needs is still kept whole (up to 64 Mi characters). Stock
   * DuckDB then needs {@code max_line_size} to read the CSV file back, so only the manifest is
   * read.
   */
  @Test
  void keepsASingleFiftyMegabyteCell() throws Exception {
    List<String[]> rows = ReportBodies.rows(2, null);
    rows.get(0)[6] = "x".repeat(50 * 1024 * 1024);
    serve("text/csv", csv(rows));

    assertThat(crewexport.export(config())).isZero();

    List<JsonNode> entries =
        Manifest.latest(lake.root.resolve("_crewexport")).entries(account, REPORT);
    assertThat(entries).hasSize(3);
    for (JsonNode entry : entries) {
      assertThat(entry.get("status").asText()).isEqualTo("committed");
      assertThat(entry.get("rows_written").asInt()).isEqualTo(12);
    }
    assertThat(lake.hidden()).isEmpty();
  }

  private void serve(String contentType, String body) {
    server.account(account).everyDownload(Reply.body(contentType, body.getBytes(UTF_8)));
  }

  private void assertRefused(String code, String cause) throws Exception {
    assertThat(crewexport.export(config())).isEqualTo(ExitCode.SOME_FAILED);

    List<JsonNode> entries =
        Manifest.latest(lake.root.resolve("_crewexport")).entries(account, REPORT);
    assertThat(entries).hasSize(3);
    for (JsonNode entry : entries) {
      assertThat(entry.get("status").asText()).isEqualTo("failed");
      assertThat(entry.get("error_code").asText()).isEqualTo(code);
      assertThat(entry.get("error").asText()).contains(REPORT, JANUARY, cause);
    }
    assertThat(lake.published()).isEqualTo(filesBefore);
    assertThat(lake.table("main", "people_report")).isEqualTo(tableBefore);
    assertThat(lake.hidden()).isEmpty();
  }

  private void assertCommitted(int rows) throws Exception {
    List<JsonNode> entries =
        Manifest.latest(lake.root.resolve("_crewexport")).entries(account, REPORT);
    assertThat(entries).hasSize(3);
    for (JsonNode entry : entries) {
      assertThat(entry.get("status").asText()).isEqualTo("committed");
      assertThat(entry.get("rows_written").asInt()).isEqualTo(rows);
    }
    lake.codes("", "main", REPORT).values().forEach(codes -> assertThat(codes).hasSize(rows));
    assertThat(lake.hidden()).isEmpty();
  }

  private Reply jsonReport() {
    return exchange -> {
      ByteArrayOutputStream json = new ByteArrayOutputStream();
      json.writeBytes(
          ReportBodies.forRequest(
                  exchange.account,
                  exchange.reportId,
                  new HttpRequest(
                      "POST",
                      "",
                      "",
                      Map.of(),
                      "{\"contentType\":\"json\",\"startDate\":20240101}".getBytes(UTF_8)))
              .bytes());
      exchange.send(200, "application/json", json.toByteArray(), Map.of());
    };
  }

  private static String csv(List<String[]> rows) {
    return ReportBodies.csv(ReportBodies.HEADINGS, rows);
  }

  private BatchYaml config() {
    return new BatchYaml(lake.root).account(server, account).report(account, REPORT, JANUARY, null);
  }
}
