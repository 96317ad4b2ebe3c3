package io.crewexport.runner.cli;

import io.crewexport.runner.batch.BatchSession;
import io.crewexport.runner.config.ConfigLoader;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code crewexport validate}: checks a config and prints the plan, exporting nothing. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description =
        "Checks a batch config and prints what a run would export. Every error names the line"
            + " and the key; unknown keys are errors. Credentials must be where the config says"
            + " (a variable set, a file readable) but are not sent to Crewmojo.",
    footer = {"", ExitCode.HELP})
public final class ValidateCommand implements Callable<Integer> {
  @Option(
      names = "--config",
      required = true,
      paramLabel = "FILE",
      description = "The batch config (YAML).")
  Path config;

  @Mixin PluginsOption plugins;

  private final BatchSession session;

  @Inject
  ValidateCommand(BatchSession session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    ConfigLoader.Loaded loaded = ConfigLoader.load(config);
    int code = session.run(loaded, new BatchSession.Options(Set.of(), 1, true, false), System.out);
    System.out.println(config + " is valid.");
    return code;
  }
}
