package io.crewexport.client;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names spool files after the process that writes them, and finds and deletes those that a process
 * left when it ended without cleaning up (killed, out of memory, the machine stopped).
 *
 * <p>A spool file is {@code crewexport-<report id>-p<pid>-<unique>.spool}. It is left over when no
 * process has that pid any more, or when the process that has it now started after the file was
 * last written (a pid the system gave out again, as container runtimes do with every start), and it
 * was last written {@link #QUIET} ago or more: a process in another pid namespace (another
 * container sharing the folder) or on another host has a pid this process cannot look up.
 *
 * <pre>{@code
 * SpoolFiles.Cleanup cleanup = SpoolFiles.deleteLeftOver(spoolFolder);
 * }</pre>
 */
public final class SpoolFiles {
  private static final Pattern NAME =
      Pattern.compile(
          Pattern.quote(DownloadedReport.SPOOL_FILE_PREFIX)
              // At most 18 digits: every such number is a long.
              + ".*-p(\\d{1,18})-\\d+"
              + Pattern.quote(DownloadedReport.SPOOL_FILE_SUFFIX));

  /**
   * How long a spool file must have gone unwritten before it may be taken as left over. A live
   * export writes its spool file while it downloads and only reads it after; six hours is far
   * beyond the rest of any export.
   */
  public static final Duration QUIET = Duration.ofHours(6);

  // A process's start instant is derived from the boot time, which Linux gives in whole seconds.
  private static final Duration START_TOLERANCE = Duration.ofSeconds(2);

  private SpoolFiles() {}

  /** What {@link #deleteLeftOver} removed. */
  public record Cleanup(List<Path> deleted, long bytes) {
    public Cleanup {
      deleted = List.copyOf(deleted);
    }
  }

  /** How the spool files of {@code reportId} written by this process start. */
  public static String prefixFor(String reportId) {
    return DownloadedReport.SPOOL_FILE_PREFIX
        + reportId
        + "-p"
        + ProcessHandle.current().pid()
        + "-";
  }

  /**
   * Deletes the spool files in {@code folder} whose process has ended and that have gone unwritten
   * for {@link #QUIET} or more. Files of live processes, files named otherwise (such as spool files
   * of versions before pids were in the names) and files that vanish meanwhile are left alone. A
   * folder that does not exist holds nothing.
   *
   * @throws IOException when the folder cannot be listed or a left-over file cannot be deleted
   */
  public static Cleanup deleteLeftOver(Path folder) throws IOException {
    return deleteLeftOver(folder, Instant.now());
  }

  /** As {@link #deleteLeftOver(Path)}, at {@code now} (tests move it ahead of the files). */
  static Cleanup deleteLeftOver(Path folder, Instant now) throws IOException {
    if (!Files.isDirectory(folder)) {
      return new Cleanup(List.of(), 0);
    }
    List<Path> deleted = new ArrayList<>();
    long bytes = 0;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
      for (Path file : files) {
        Matcher name = NAME.matcher(file.getFileName().toString());
        if (!name.matches()) {
          continue;
        }
        Optional<BasicFileAttributes> attributes = attributes(file);
        if (attributes.isEmpty() || !attributes.get().isRegularFile()) {
          continue;
        }
        Instant written = attributes.get().lastModifiedTime().toInstant();
        if (!written.isAfter(now.minus(QUIET))
            && ownerEnded(Long.parseLong(name.group(1)), written)
            && Files.deleteIfExists(file)) {
          deleted.add(file);
          bytes += attributes.get().size();
        }
      }
    }
    return new Cleanup(deleted, bytes);
  }

  private static boolean ownerEnded(long pid, Instant written) {
    Optional<ProcessHandle> process;
    try {
      process = ProcessHandle.of(pid);
    } catch (UnsupportedOperationException e) {
      return false;
    }
    if (process.isEmpty() || !process.get().isAlive()) {
      return true;
    }
    // Where the start is unknown, the file may be the process's own: keep it.
    return process
        .get()
        .info()
        .startInstant()
        .map(start -> start.isAfter(written.plus(START_TOLERANCE)))
        .orElse(false);
  }

  private static Optional<BasicFileAttributes> attributes(Path file) throws IOException {
    try {
      return Optional.of(Files.readAttributes(file, BasicFileAttributes.class));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }
}
