package io.crewexport.runner.faults;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
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
    Process process = builder.start();
    // Through pipes, copied to the files here: the child writes no file of its own output, so a
    // limit on the size of its files (see FullDiskSinkModule) cannot cut its log.
    List<Thread> copiers =
        List.of(copy(process.getInputStream(), stdout), copy(process.getErrorStream(), stderr));
    return new Started(process, stdout, stderr, copiers);
  }

  private static Thread copy(InputStream from, Path to) {
    Thread copier =
        new Thread(
            () -> {
              try (from;
                  OutputStream out = Files.newOutputStream(to)) {
                from.transferTo(out);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            },
            "crewexport-output");
    copier.setDaemon(true);
    copier.start();
    return copier;
  }

  /** A running crewexport. */
  record Started(Process process, Path stdout, Path stderr, List<Thread> copiers) {
    /** How it ended; call once it has. */
    Result result() throws IOException, InterruptedException {
      for (Thread copier : copiers) {
        copier.join(TimeUnit.SECONDS.toMillis(30));
      }
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
