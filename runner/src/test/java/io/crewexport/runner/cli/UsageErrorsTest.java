package io.crewexport.runner.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.crewexport.runner.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Command-line mistakes end in exit code 2 before anything runs, and never in a stack trace. */
final class UsageErrorsTest {
  /** Nothing listens there: were the command to run, it would fail fast and stay local. */
  private static final String LOCAL = "--base-url=http://127.0.0.1:9";

  private static final Map<String, String> TOKEN = Map.of("CREWMOJO_TOKEN", "t0ken");

  @TempDir Path folder;

  @Test
  void refusesFewerThanOneParallelExportEvenForADryRun() {
    for (String parallel : new String[] {"0", "-1"}) {
      String err = stderrOf(ExitCode.USAGE, "export", "--parallel", parallel, "--dry-run");

      assertThat(err.lines())
          .containsExactly(
              "Invalid value for option '--parallel': "
                  + parallel
                  + "; give 1 or more exports to run at once. See 'crewexport export --help'.");
    }
  }

  @Test
  void refusesANegativeRowCountForTheDemo() {
    String err = stderrOf(ExitCode.USAGE, "demo", "--rows", "-5", "--out", lake().toString());

    assertThat(err.lines())
        .containsExactly(
            "Invalid value for option '--rows': -5; give 0 or more rows."
                + " See 'crewexport demo --help'.");
    assertThat(lake()).doesNotExist();
  }

  @Test
  void keepsOtherParseErrorsToTheMessageAndPicocliSuggestions() {
    String err = stderrOf(ExitCode.USAGE, "export", "--paralel", "3");

    assertThat(err.lines())
        .containsExactly(
            "Unknown options: '--paralel', '3'. See 'crewexport export --help'.",
            "Possible solutions: --parallel");
  }

  @Test
  void refusesASnapshotRepeatedOnTheCommandLine() {
    String[] args = {"export", LOCAL, "--report", "a", "--report", "a", "--sink", "csv", "--out"};

    assertThat(Main.run(TOKEN, append(args, lake().toString()))).isEqualTo(ExitCode.USAGE);
    assertThat(lake()).doesNotExist();
  }

  @Test
  void refusesAnOnlyThatNamesNoReportBeforeTouchingTheOutput() {
    String[] args = {"export", LOCAL, "--report", "r1", "--only", "r2", "--sink", "csv", "--out"};

    assertThat(Main.run(TOKEN, append(args, lake().toString()))).isEqualTo(ExitCode.USAGE);
    assertThat(Main.run(TOKEN, append(args, lake().toString(), "--dry-run")))
        .isEqualTo(ExitCode.USAGE);
    assertThat(lake()).doesNotExist();
  }

  @Test
  void refusesFlagsThatAConfigFileSetsForItselfInsteadOfIgnoringThem() throws Exception {
    Path config =
        Files.writeString(
            folder.resolve("c.yaml"),
            "output: '"
                + lake()
                + "'\ndefaults: {sinks: [csv]}\naccounts:\n  acme: {base-url: 'http://127.0.0.1:9',"
                + " token-env: T}\nreports:\n  - {id: r1, period: 2024-01-01..2024-01-31}\n");

    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    Logger logger = (Logger) LoggerFactory.getLogger(FailureHandler.class);
    logger.addAppender(logged);
    try {
      String state = folder.resolve("state").toString();
      String[] flags = {"--from", "2023-01-01", "--option", "csv.gzip=true", "--state-dir", state};

      assertThat(
              Main.run(
                  Map.of(), append(new String[] {"export", "--config", config.toString()}, flags)))
          .isEqualTo(ExitCode.USAGE);
    } finally {
      logger.detachAppender(logged);
    }
    assertThat(logged.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .containsExactly(
            "--from, --state-dir, --option go with --report only: with --config, set them in the"
                + " config file (see README, A nightly batch from a config file).");
    assertThat(lake()).doesNotExist();
    assertThat(folder.resolve("state")).doesNotExist();
  }

  private static String[] append(String[] args, String... more) {
    return Stream.concat(Arrays.stream(args), Arrays.stream(more)).toArray(String[]::new);
  }

  private Path lake() {
    return folder.resolve("lake");
  }

  private static String stderrOf(int expectedCode, String... args) {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.err;
    System.setErr(new PrintStream(captured, true, UTF_8));
    try {
      assertThat(Main.run(Map.of(), args)).isEqualTo(expectedCode);
    } finally {
      System.setErr(original);
    }
    return captured.toString(UTF_8);
  }
}
