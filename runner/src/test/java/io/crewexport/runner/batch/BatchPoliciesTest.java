package io.crewexport.runner.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.crewexport.runner.cli.ExitCode;
import io.crewexport.runner.demo.DemoReport;
import io.crewexport.runner.demo.DemoServer;
import io.crewexport.runner.demo.DemoTimings;
import io.crewexport.runner.demo.SampleReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class BatchPoliciesTest {
  private static final DemoTimings FAST =
      new DemoTimings(Duration.ofSeconds(5), Duration.ofMinutes(1), Duration.ofMinutes(30));

  @TempDir Path folder;
  private DemoServer acme;
  private DemoServer globex;

  @AfterEach
  void stop() {
    if (acme != null) {
      acme.close();
    }
    if (globex != null) {
      globex.close();
    }
  }

  @Test
  void keepsTwoTenantsApart() throws Exception {
    acme = server("acme", "acme-secret", SampleReport.load());
    globex = server("globex", "globex-secret", SampleReport.load());
    BatchFixture batch = new BatchFixture(folder);
    String config =
        "output: '"
            + batch.out
            + "'\n"
            + "defaults:\n  sinks: [parquet, duckdb]\n"
            + "accounts:\n"
            + account("acme", acme)
            + account("globex", globex)
            + "reports:\n"
            + "  - {id: oneonone.summary, account: acme, period: 2024-01-01..2024-01-31}\n"
            + "  - {id: oneonone.summary, account: globex, period: 2024-01-01..2024-01-31}\n";

    int code =
        batch.run(
            config,
            "2024-02-01",
            Map.of("ACME_SECRET", "acme-secret", "GLOBEX_SECRET", "globex-secret"));

    assertThat(code).isZero();
    assertThat(batch.out.resolve("acme/parquet/oneonone.summary")).isDirectory();
    assertThat(batch.out.resolve("globex/parquet/oneonone.summary")).isDirectory();
    assertThat(batch.out.resolve("parquet")).doesNotExist();
    try (Connection db =
            DriverManager.getConnection("jdbc:duckdb:" + batch.out.resolve("crewexport.duckdb"));
        ResultSet rs =
            db.createStatement()
                .executeQuery(
                    "SELECT (SELECT count(*) FROM acme.oneonone_summary),"
                        + " (SELECT count(*) FROM globex.oneonone_summary)")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getLong(1)).isEqualTo(3);
      assertThat(rs.getLong(2)).isEqualTo(3);
    }
  }

  @Test
  void dropsAndHashesPersonalDataBeforeAnySinkSeesIt() throws Exception {
    acme = server("acme", "acme-secret", SampleReport.load());
    BatchFixture batch = new BatchFixture(folder);
    String config =
        "output: '"
            + batch.out
            + "'\n"
            + "hash-salt-env: SALT\n"
            + "defaults:\n  sinks: [csv]\n"
            + "accounts:\n"
            + account("acme", acme)
            + "reports:\n"
            + "  - id: oneonone.summary\n"
            + "    columns: {Email: hash, Home Address: drop, D.O.B: drop}\n";

    int code =
        batch.run(config, "2024-02-01", Map.of("ACME_SECRET", "acme-secret", "SALT", "pepper"));

    assertThat(code).isZero();
    Path csv;
    try (var files = Files.walk(batch.out.resolve("csv"))) {
      csv = files.filter(p -> p.toString().endsWith(".csv")).findFirst().orElseThrow();
    }
    String text = Files.readString(csv);
    assertThat(text).doesNotContain("ada.moreno@example.com", "Home Address", "D.O.B");
    assertThat(text.lines().skip(1).findFirst().orElseThrow()).containsPattern(",[0-9a-f]{64},");
  }

  @Test
  void refusesAnEmptyReportAfterAGoodOneAndKeepsTheGoodOne() throws Exception {
    AtomicInteger rows = new AtomicInteger(3);
    acme = server("acme", "acme-secret", new ShrinkingReport(rows));
    BatchFixture batch = new BatchFixture(folder);
    String config =
        "output: '"
            + batch.out
            + "'\n"
            + "defaults:\n  sinks: [parquet, csv]\n"
            + "accounts:\n"
            + account("acme", acme)
            + "reports:\n  - {id: shrinking, period: 2024-01-01..2024-01-31}\n";
    Map<String, String> env = Map.of("ACME_SECRET", "acme-secret");
    assertThat(batch.run(config, "2024-02-01", env)).isZero();
    byte[] good = Files.readAllBytes(onlyCsv(batch));

    rows.set(1);
    assertThat(batch.run(config, "2024-02-02", env)).isEqualTo(ExitCode.SOME_FAILED);
    rows.set(0);
    assertThat(batch.run(config, "2024-02-03", env)).isEqualTo(ExitCode.SOME_FAILED);

    assertThat(Files.readAllBytes(onlyCsv(batch))).isEqualTo(good);
    assertThat(batch.lastExports()).contains("shrinking 2024-01-01..2024-01-31 parquet failed");
  }

  private static Path onlyCsv(BatchFixture batch) throws Exception {
    try (var files = Files.walk(batch.out.resolve("csv"))) {
      List<Path> csvs = files.filter(p -> p.getFileName().toString().endsWith(".csv")).toList();
      assertThat(csvs).hasSize(1);
      return csvs.get(0);
    }
  }

  private static DemoServer server(String id, String secret, DemoReport report) throws Exception {
    return DemoServer.builder(id, secret).report(report).timings(FAST).build().start();
  }

  private static String account(String name, DemoServer server) {
    return "  "
        + name
        + ":\n"
        + "    base-url: "
        + server.baseUrl()
        + "\n"
        + "    client-id: "
        + name
        + "\n"
        + "    client-secret-env: "
        + name.toUpperCase(java.util.Locale.ROOT)
        + "_SECRET\n";
  }

  /** A report whose row count the test sets between runs. */
  private record ShrinkingReport(AtomicInteger rows) implements DemoReport {
    @Override
    public String id() {
      return "shrinking";
    }

    @Override
    public List<String> headings() {
      return List.of("Name", "Score");
    }

    @Override
    public Duration generationTime() {
      return Duration.ZERO;
    }

    @Override
    public void writeRows(RowSink sink) throws java.io.IOException {
      for (int i = 0; i < rows.get(); i++) {
        sink.accept(List.of("person " + i, String.valueOf(i)));
      }
    }
  }
}
