package io.crewexport.runner.cli;

import picocli.CommandLine.Command;

/** The {@code crewexport} command: its subcommands do the work. */
@Command(
    name = "crewexport",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Exports Crewmojo HR reports into Parquet, DuckDB and CSV.",
    subcommands = {ExportCommand.class, ValidateCommand.class, DemoCommand.class},
    footer = {"", ExitCode.HELP})
public final class CrewexportCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "Name a command: export, validate or demo.");
  }
}
