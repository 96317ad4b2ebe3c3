package io.crewexport.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.crewexport.runner.Main;
import io.crewexport.runner.demo.DemoServer;
import io.crewexport.runner.demo.DemoTimings;
import io.crewexport.runner.demo.SampleReport;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ExportCommandTest {
  private static final String SECRET = "export-test-secret";
  private static DemoServer server;

  @TempDir Path folder;

  @BeforeAll
  static void startServer() throws Exception {
    server =
        DemoServer.builder("export-test", SECRET)
            .report(SampleReport.load())
            .timings(
                new DemoTimings(
                    Duration.ofSeconds(5), Duration.ofMinutes(1), Duration.ofMinutes(30)))
            .build()
            .start();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @Test
  void exportsJsonKeepingRepeatedKeysAsTwoColumns() throws Exception {
    Path out = folder.resolve("lake");

    int code =
        export(
            credentials(),
            "--report",
            "oneonone.summary",
            "--format",
            "json",
            "--from",
            "20240101",
            "--to",
            "2024-01-31",
            "--sink",
            "parquet",
            "--out",
            out.toString());

    assertThat(code).isZero();
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
        ResultSet rs =
            db.createStatement()
                .executeQuery(
                    "SELECT count(*), count(*) FILTER (active_division_teams_2 IS NULL), any_value(active)"
                        + " FROM read_parquet('"
                        + out
                        + "/parquet/oneonone.summary/**/*.parquet')")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getLong(1)).isEqualTo(3);
      assertThat(rs.getLong(2)).isEqualTo(3);
      assertThat(rs.getBoolean(3)).isFalse();
    }
  }

  @Test
  void exitsWithTheAuthCodeAndWritesNothingForWrongCredentials() {
    Path out = folder.resolve("lake");

    int code =
        export(
            Map.of("CREWMOJO_CLIENT_ID", "export-test", "CREWMOJO_CLIENT_SECRET", "nope"),
            "--report",
            "oneonone.summary",
            "--sink",
            "csv",
            "--out",
            out.toString());

    assertThat(code).isEqualTo(ExitCode.AUTH);
    assertThat(out.resolve("csv")).doesNotExist();
  }

  @Test
  void exitsWithTheUsageCodeWithoutCredentials() {
    int code =
        export(
            Map.of(),
            "--report",
            "oneonone.summary",
            "--sink",
            "csv",
            "--out",
            folder.resolve("x").toString());
    assertThat(code).isEqualTo(ExitCode.USAGE);
  }

  @Test
  void refusesAReportIdThatIsAPath() {
    int code =
        export(
            credentials(),
            "--report",
            "../../etc",
            "--sink",
            "csv",
            "--out",
            folder.resolve("lake").toString());
    assertThat(code).isEqualTo(ExitCode.USAGE);
    assertThat(folder.resolve("lake")).doesNotExist();
  }

  @Test
  void refusesHalfAPeriodAndAnUnknownSink() {
    assertThat(
            export(
                credentials(),
                "--report",
                "a",
                "--from",
                "20240101",
                "--sink",
                "csv",
                "--out",
                folder.resolve("x").toString()))
        .isEqualTo(ExitCode.USAGE);
    assertThat(
            export(
                credentials(),
                "--report",
                "a",
                "--sink",
                "excel",
                "--out",
                folder.resolve("x").toString()))
        .isEqualTo(ExitCode.USAGE);
  }

  @Test
  void commitsTheGoodReportsWhenOneFails() {
    Path out = folder.resolve("lake");

    int code =
        export(
            credentials(),
            "--report",
            "no.such.report",
            "--report",
            "oneonone.summary",
            "--sink",
            "csv",
            "--out",
            out.toString());

    assertThat(code).isEqualTo(ExitCode.SOME_FAILED);
    assertThat(out.resolve("csv/oneonone.summary")).isDirectory();
    assertThat(out.resolve("csv/no.such.report")).doesNotExist();
  }

  private static int export(Map<String, String> env, String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "export";
    all[1] = "--base-url";
    all[2] = server.baseUrl();
    System.arraycopy(args, 0, all, 3, args.length);
    return Main.run(env, all);
  }

  private static Map<String, String> credentials() {
    return Map.of("CREWMOJO_CLIENT_ID", "export-test", "CREWMOJO_CLIENT_SECRET", SECRET);
  }
}
