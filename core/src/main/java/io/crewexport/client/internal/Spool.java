package io.crewexport.client.internal;

import io.crewexport.CrewexportException;
import io.crewexport.ErrorCode;
import io.crewexport.ReportRequest;
import io.crewexport.client.DownloadedReport;
import io.crewexport.client.SpoolFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The local folder where report bodies are streamed before they are read, one file each. The caller
 * deletes each file when done with it (see {@code DownloadedReport#close}).
 */
public final class Spool {
  private static final long MIB = 1024 * 1024;

  private final Path folder;
  private final ReportRequest request;

  /**
   * @param folder the spool folder, created if absent
   * @param request the report whose bodies go here; names the files and the messages
   */
  public Spool(Path folder, ReportRequest request) {
    this.folder = folder;
    this.request = request;
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
    return Files.createTempFile(
        folder, SpoolFiles.prefixFor(request.reportId()), DownloadedReport.SPOOL_FILE_SUFFIX);
  }

  /**
   * Fails at once, before any byte is written, when the folder's disk cannot hold a body of {@code
   * bytes}: better than filling the disk and failing an hour later.
   *
   * @throws CrewexportException {@code CONFIGURATION}, naming the folder, the sizes and the fix
   */
  public void checkRoomFor(long bytes) throws IOException {
    long free = Files.getFileStore(folder).getUsableSpace();
    if (bytes > free) {
      throw new CrewexportException(
          ErrorCode.CONFIGURATION,
          request.describe()
              + ": the report is "
              + bytes
              + " bytes ("
              + bytes / MIB
              + " MiB) but the spool folder "
              + folder.toAbsolutePath()
              + " has only "
              + free / MIB
              + " MiB free. Free space there, or point --spool-dir at a disk with room for it.");
    }
  }
}
