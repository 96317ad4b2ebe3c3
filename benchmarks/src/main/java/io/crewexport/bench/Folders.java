package io.crewexport.bench;

import io.crewexport.client.DownloadedReport;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Removes what a run wrote. */
final class Folders {
  private static final String SPOOL_FILES =
      DownloadedReport.SPOOL_FILE_PREFIX + "*" + DownloadedReport.SPOOL_FILE_SUFFIX;

  private Folders() {}

  /** Deletes {@code folder} and everything in it; nothing if it does not exist. */
  static void deleteRecursively(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    List<Path> paths;
    try (Stream<Path> walk = Files.walk(folder)) {
      paths = walk.sorted(Comparator.reverseOrder()).toList();
    }
    for (Path path : paths) {
      Files.delete(path);
    }
  }

  /**
   * Deletes the client's spool files ({@code crewexport-*.spool}) in {@code spool}, where a killed
   * run left them: an export deletes its own only when it ends, and one can be as large as its
   * report.
   *
   * @return how many it deleted
   */
  static int deleteSpoolFiles(Path spool) throws IOException {
    if (!Files.isDirectory(spool)) {
      return 0;
    }
    int deleted = 0;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(spool, SPOOL_FILES)) {
      for (Path file : files) {
        Files.delete(file);
        deleted++;
      }
    }
    return deleted;
  }
}
