package io.crewexport.client.internal;

import io.crewexport.CrewexportException;
import io.crewexport.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The local folder where report bodies are streamed before they are read, one file each. */
public final class Spool {
  private final Path folder;
  private final String prefix;

  /**
   * @param folder the spool folder, created if absent
   * @param prefix starts every file name, e.g. the report id
   */
  public Spool(Path folder, String prefix) {
    this.folder = folder;
    this.prefix = prefix;
  }

  /** A new empty file in the spool folder. */
  public Path newFile() throws IOException {
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new CrewexportException(
          ErrorCode.CONFIGURATION,
          "Cannot create the spool folder "
              + folder
              + ": "
              + e.getMessage()
              + ". Point --spool-dir at a writable folder.",
          e);
    }
    return Files.createTempFile(folder, "crewexport-" + prefix + "-", ".spool");
  }
}
