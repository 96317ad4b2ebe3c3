package io.crewexport.runner.faults;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the packaged {@code crewexport.jar} in a child JVM, as a scheduler would: its own
 * environment (only what the test gives, plus {@code PATH}), stdout and stderr kept apart.
 */
final class CrewexportJar {
  private final Path folder;
  private final List<String> jvmOptions = new ArrayList<>();

  /**
   * @param folder the working folder, where stdout and stderr files are kept too
   */
  CrewexportJar(Path folder) {
    this.folder = folder;
  }

  /** Adds JVM options such as {@code -Djavax.net.ssl.trustStore=...}. */
  CrewexportJar jvm(String... options) {
    jvmOptions.addAll(List.of(options));
    return this;
  }

  /** Runs {@code args} with {@code env} to the end (two minutes at most). */
  Result run(Map<String, String> env, String... args) throws IOException, InterruptedException {
    Started started = start(env, args);
    assertThat(started.process.waitFor(120, TimeUnit.SECONDS))
        .as("crewexport %s finished in time", List.of(args))
        .isTrue();
    return started.result();
  }

  /** Starts {@code args} with {@code env}, for a test that kills it. */
  Started start(Map<String, String> env, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(System.getProperty("crewexport.jar"));
    command.addAll(List.of(args));
    Path stdout = Files.createTempFile(folder, "stdout", ".txt");
    Path stderr = Files.createTempFile(folder, "stderr", ".txt");
    ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile());
    builder.environment().clear();
    builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    builder.environment().putAll(env);
    Process process =
        builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
    return new Started(process, stdout, stderr);
  }

  /** A running crewexport. */
  record Started(Process process, Path stdout, Path stderr) {
    Result result() throws IOException {
      return new Result(
          process.exitValue(), Files.readString(stdout, UTF_8), Files.readString(stderr, UTF_8));
    }
  }

  /** How a run ended. */
  record Result(int code, String stdout, String stderr) {
    /** The log's lines of {@code level} (ERROR, WARN, ...). */
    List<String> lines(String level) {
      return stderr.lines().filter(line -> line.contains(" " + level + " ")).toList();
    }

    @Override
    public String toString() {
      return "exit " + code + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
    }
  }
}
