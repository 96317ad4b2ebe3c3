package io.crewexport.runner.faults;

import io.crewexport.runner.Main;
import io.crewexport.testing.ManualClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs {@code crewexport export --config} in this JVM on a manual clock, whose sleeper moves the
 * clock instead of waiting: retries, polls and the vendor's 5 and 10 minutes pass at once.
 */
final class InProcess {
  final ManualClock clock = new ManualClock(Instant.parse("2024-03-15T10:00:00Z"));
  private final Path folder;

  InProcess(Path folder) {
    this.folder = folder;
  }

  /** Writes {@code yaml} and runs it; returns the exit code. */
  int export(BatchYaml yaml, String... extraArgs) throws IOException {
    Path config = yaml.write(Files.createTempFile(folder, "config", ".yaml"));
    List<String> args = new ArrayList<>(List.of("export", "--config", config.toString()));
    args.addAll(List.of(extraArgs));
    return Main.run(yaml.env(), clock, clock.sleeper(), args.toArray(String[]::new));
  }

  /** Runs the command line {@code args} with {@code env}; returns the exit code. */
  int run(Map<String, String> env, String... args) {
    return Main.run(env, clock, clock.sleeper(), args);
  }
}
