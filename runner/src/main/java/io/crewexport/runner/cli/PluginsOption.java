package io.crewexport.runner.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --plugins DIR}: a folder of plugin jars. {@code Main} reads it before the commands are
 * built, since plugins bring the sinks commands use; it is declared here so help shows it.
 */
public final class PluginsOption {
  /** The option's name. */
  public static final String NAME = "--plugins";

  @Option(
      names = NAME,
      paramLabel = "DIR",
      description = "Folder of plugin jars (default: plugins/ beside crewexport.jar).")
  Path folder;
}
