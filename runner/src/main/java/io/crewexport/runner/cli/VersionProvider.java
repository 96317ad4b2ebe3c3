package io.crewexport.runner.cli;

import io.crewexport.Version;
import picocli.CommandLine.IVersionProvider;

/** Prints the version packaged in the jar. */
public final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {"crewexport " + Version.current()};
  }
}
