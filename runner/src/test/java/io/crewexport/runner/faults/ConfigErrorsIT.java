package io.crewexport.runner.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.crewexport.runner.cli.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Configuration mistakes, through the packaged jar: each is one line on stderr that names the key
 * (and the line of the file), exit code 2, and nothing exported.
 */
final class ConfigErrorsIT {
  private static final String ACCOUNT =
      "accounts:\n  acme: {base-url: 'http://127.0.0.1:9', client-id: acme,"
          + " client-secret-env: ACME_SECRET}\n";
  private static final Map<String, String> ENV = Map.of("ACME_SECRET", "s3cret-value");

  @TempDir Path folder;

  @Test
  void anUnknownKey() throws Exception {
    assertOneLineError(
        "output: lake\nsinks: [csv]\n" + ACCOUNT + "reports:\n  - {id: a.b}\n",
        ENV,
        "line 2: unknown key 'sinks'");
  }

  @Test
  void aDateThatIsNotOnTheCalendar() throws Exception {
    assertOneLineError(
        config("period: 2024-02-30..2024-03-31"), ENV, "reports[0].period", "'2024-02-30' is not");
  }

  @Test
  void aStartAfterTheEnd() throws Exception {
    assertOneLineError(
        config("period: 2024-03-01..2024-01-31"),
        ENV,
        "line 6, reports[0].period",
        "start 2024-03-01 is after its end 2024-01-31");
  }

  @Test
  void anUnknownSink() throws Exception {
    assertOneLineError(
        config("sinks: [parket]"), ENV, "line 6, reports[0].sinks", "unknown sink 'parket'");
  }

  @Test
  void aSecretVariableThatIsNotSet() throws Exception {
    assertOneLineError(
        config("period: none"), Map.of(), "accounts.acme.client-secret-env", "ACME_SECRET");
  }

  @Test
  void noCredentialsAtAll() throws Exception {
    assertOneLineError(
        "output: lake\ndefaults: {sinks: [csv]}\naccounts:\n  acme: {base-url: 'http://127.0.0.1:9'}\n"
            + "reports:\n  - {id: a.b}\n",
        ENV,
        "line 4, accounts.acme",
        "client-secret-env");
  }

  @Test
  void aReportIdThatClimbsOutOfTheOutput() throws Exception {
    assertOneLineError(
        config("period: none").replace("id: a.b", "id: '../../etc'"),
        ENV,
        "line 6, reports[0]: Report id '../../etc' is not valid");
  }

  @Test
  void aReportIdCarryingSqlOnTheCommandLine() throws Exception {
    assertOneLineErrorOf(
        new CrewexportJar(folder)
            .run(
                Map.of("CREWMOJO_TOKEN", "t0ken"),
                "export",
                "--report",
                "x;DROP TABLE y",
                // Refused before any request; were it not, the request stays on this machine.
                "--base-url=http://127.0.0.1:9",
                "--sink",
                "duckdb",
                "--out",
                folder.resolve("lake").toString()),
        "Report id 'x;DROP TABLE y' is not valid");
  }

  @Test
  void aReportListedTwiceForOnePeriod() throws Exception {
    String yaml =
        config("period: 2024-01-01..2024-12-31")
            + "  - {id: a.b, period: 2024-01-01..2024-12-31, columns: {Email: drop}}\n";
    String[] fragments = {
      "crewexport.yaml, lines 6 and 7, reports[0] and reports[1]",
      "acme: a.b [2024-01-01..2024-12-31]"
    };

    assertOneLineError(yaml, ENV, fragments);
    assertOneLineErrorOf(jar().run(ENV, "validate", "--config", write(yaml)), fragments);
  }

  @Test
  void twoReportIdsThatBecomeOneDuckDbTable() throws Exception {
    String yaml =
        config("sinks: [duckdb]").replace("a.b", "r.1") + "  - {id: r-1, sinks: [duckdb]}\n";

    assertOneLineError(
        yaml, ENV, "lines 6 and 7", "reports acme/r.1 and acme/r-1", "DuckDB table main.r_1");
  }

  @Test
  void anOnlyThatNamesNoReport() throws Exception {
    String config = write(config("period: none"));

    assertOneLineErrorOf(
        jar().run(ENV, "export", "--config", config, "--only", "a.c"),
        "--only a.c: ",
        "has no report a.c",
        "Its reports are [a.b]");
    assertThat(folder.resolve("lake")).doesNotExist();
  }

  @Test
  void aReportRepeatedOnTheCommandLine() throws Exception {
    assertOneLineErrorOf(
        jar()
            .run(
                Map.of("CREWMOJO_TOKEN", "t0ken"),
                "export",
                "--base-url=http://127.0.0.1:9",
                "--report",
                "big.report",
                "--report",
                "big.report",
                "--from",
                "2024-01-01",
                "--to",
                "2024-12-31",
                "--sink",
                "parquet",
                "--out",
                folder.resolve("lake").toString()),
        "--report big.report is given twice for period 2024-01-01..2024-12-31");
  }

  @Test
  void fewerThanOneParallelExport() throws Exception {
    CrewexportJar.Result run =
        jar().run(ENV, "export", "--config", write(config("period: none")), "--parallel", "0");

    assertThat(run.code()).as(run.toString()).isEqualTo(ExitCode.USAGE);
    assertThat(run.stderr().lines().filter(line -> !line.isBlank()))
        .as(run.toString())
        .containsExactly(
            "Invalid value for option '--parallel': 0; give 1 or more exports to run at once."
                + " See 'crewexport export --help'.");
  }

  private CrewexportJar jar() {
    return new CrewexportJar(folder);
  }

  private String write(String yaml) throws Exception {
    return Files.writeString(folder.resolve("crewexport.yaml"), yaml).toString();
  }

  /** A valid config but for {@code entry}, added to the one report. */
  private static String config(String entry) {
    return "output: lake\ndefaults: {sinks: [csv]}\n"
        + ACCOUNT
        + "reports:\n  - {id: a.b, "
        + entry
        + "}\n";
  }

  private void assertOneLineError(String yaml, Map<String, String> env, String... fragments)
      throws Exception {
    assertOneLineErrorOf(jar().run(env, "export", "--config", write(yaml)), fragments);
  }

  private void assertOneLineErrorOf(CrewexportJar.Result run, String... fragments)
      throws Exception {
    assertThat(run.code()).as(run.toString()).isEqualTo(ExitCode.USAGE);
    List<String> lines = run.stderr().lines().filter(line -> !line.isBlank()).toList();
    assertThat(lines).as(run.toString()).hasSize(1);
    assertThat(lines.get(0)).contains(" ERROR ").contains(fragments);
    try (Stream<Path> files = Files.walk(folder)) {
      assertThat(files.map(Path::toString))
          .noneMatch(name -> name.endsWith(".parquet") || name.endsWith(".csv"))
          .noneMatch(name -> name.endsWith("etc"));
    }
  }
}
