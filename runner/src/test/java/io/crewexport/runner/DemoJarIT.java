package io.crewexport.runner;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the packaged {@code crewexport.jar} as a user does: {@code java -jar crewexport.jar demo}.
 */
final class DemoJarIT {
  private static final Pattern LOG_LINE =
      Pattern.compile("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} (INFO |DEBUG|WARN |ERROR) .+");

  @TempDir Path folder;

  @Test
  void runsTheDemoFromThePackagedJar() throws Exception {
    Path jar = Path.of(System.getProperty("crewexport.jar"));
    Path stdout = folder.resolve("stdout.txt");
    Path stderr = folder.resolve("stderr.txt");
    Process process =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m",
                    "-jar",
                    jar.toString(),
                    "demo",
                    "--rows",
                    "2000"))
            .directory(folder.toFile())
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile())
            .start();

    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("demo finished in time").isTrue();
    String out = Files.readString(stdout, UTF_8);
    String log = Files.readString(stderr, UTF_8);
    assertThat(process.exitValue()).as(out + log).isZero();
    assertThat(out).contains("2 export(s) committed, 0 failed.");
    assertThat(out).containsPattern("people\\.directory .* download +2000 ");
    assertThat(log).containsPattern("WAITING_ON_JOB \\(attempt 1, job [0-9a-f]{32}");
    assertThat(log).doesNotContain("Exception", "WARN");
    // The jar's merged META-INF/services must still carry the logging set-up: time, level, message.
    assertThat(log.lines()).allMatch(line -> LOG_LINE.matcher(line).matches());
    assertThat(out.lines()).noneMatch(line -> LOG_LINE.matcher(line).matches());
    Path demo = folder.resolve("crewexport-demo");
    assertThat(demo.resolve("crewexport.duckdb")).isRegularFile();
    assertThat(demo.resolve("parquet/people.directory")).isDirectory();
    assertThat(demo.resolve("csv/oneonone.summary")).isDirectory();
  }
}
