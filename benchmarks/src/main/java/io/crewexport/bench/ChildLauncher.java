package io.crewexport.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts each run in a fresh JVM with this JVM's class path, so that its heap and resident memory
 * are its own, and reads back what it measured. A child's output goes to {@code logs/<run>.log} in
 * the work folder; with profiling on, a flight recording goes to {@code profiles/<run>.jfr}.
 */
final class ChildLauncher {
  private static final long TIMEOUT_MINUTES = 20;

  private final Path work;
  private final boolean profile;
  private final String secret;
  private final Runnable beforeEachRun;

  /**
   * @param work the work folder
   * @param profile whether each child records a JFR profile
   * @param secret the demo server's client secret, which only export runs get (in {@link
   *     ExportRun#SECRET_VARIABLE}): the other runs read the file and never ask for a token
   */
  ChildLauncher(Path work, boolean profile, String secret) {
    this(work, profile, secret, PendingWrites::flush);
  }

  /** As above, with {@code beforeEachRun} run before each child starts, outside its timing. */
  ChildLauncher(Path work, boolean profile, String secret, Runnable beforeEachRun) {
    this.work = work;
    this.profile = profile;
    this.secret = secret;
    this.beforeEachRun = beforeEachRun;
  }

  /**
   * Runs {@code arguments} as run {@code run} in a child JVM with a heap of at most {@code heap}.
   */
  Measurement run(String run, String heap, ChildArgs arguments)
      throws IOException, InterruptedException {
    Path result = folder("results").resolve(run + ".json");
    Path log = folder("logs").resolve(run + ".log");
    Files.deleteIfExists(result);

    ProcessBuilder builder =
        new ProcessBuilder(command(run, heap, arguments.with("run", run).with("result", result)))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().putAll(environmentOf(arguments));
    beforeEachRun.run();
    Process process = builder.start();
    if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IOException(
          "run " + run + " took over " + TIMEOUT_MINUTES + " minutes; see " + log);
    }
    if (process.exitValue() != 0 || !Files.isRegularFile(result)) {
      throw new IOException(
          "run "
              + run
              + " failed with exit code "
              + process.exitValue()
              + "; see "
              + log
              + "\n"
              + tail(log));
    }
    return Json.MAPPER.readValue(result.toFile(), Measurement.class);
  }

  /** The variables added to the environment of a child that runs {@code arguments}. */
  Map<String, String> environmentOf(ChildArgs arguments) {
    return ExportRun.runs(arguments) ? Map.of(ExportRun.SECRET_VARIABLE, secret) : Map.of();
  }

  private List<String> command(String run, String heap, ChildArgs arguments) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + heap);
    if (profile) {
      Path recording = folder("profiles").resolve(run + ".jfr");
      // A recording holds every environment variable unless told not to: the client secret too.
      command.add(
          "-XX:StartFlightRecording=settings=profile,filename="
              + quoted(recording)
              + ",jdk.InitialEnvironmentVariable#enabled=false");
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(BenchChild.class.getName());
    command.addAll(arguments.toList());
    return command;
  }

  /**
   * The recording's path as the JVM reads the option: in double quotes, or a comma in it would end
   * the file name and start another option.
   */
  private static String quoted(Path recording) throws IOException {
    if (recording.toString().indexOf('"') >= 0) {
      throw new IOException("--profile cannot record into " + recording + ", which holds a quote");
    }
    return '"' + recording.toString() + '"';
  }

  private Path folder(String name) throws IOException {
    return Files.createDirectories(work.resolve(name));
  }

  private static String tail(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
  }
}
