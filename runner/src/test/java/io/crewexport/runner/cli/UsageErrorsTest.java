package io.crewexport.runner.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.crewexport.runner.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
