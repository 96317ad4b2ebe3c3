package io.crewexport.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.crewexport.ContentType;
import io.crewexport.Period;
import io.crewexport.ReportRequest;
import io.crewexport.client.internal.Spool;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class SpoolFilesTest {
  @TempDir Path folder;

  @Test
  void namesEachFileAfterItsReportAndThisProcess() {
    assertThat(SpoolFiles.prefixFor("people.directory"))
        .isEqualTo("crewexport-people.directory-p" + ProcessHandle.current().pid() + "-");
  }

  @Test
  void deletesTheFilesOfAProcessThatEnded() throws Exception {
    long pid = endedProcess();
    Path left = spoolFile("people.directory", pid, new byte[3 << 20]);

    SpoolFiles.Cleanup cleanup = SpoolFiles.deleteLeftOver(folder, later());

    assertThat(left).doesNotExist();
    assertThat(cleanup.deleted()).containsExactly(left);
    assertThat(cleanup.bytes()).isEqualTo(3 << 20);
  }

  @Test
  void keepsTheFilesOfALiveProcess() throws Exception {
    Path ours = spoolFile("people.directory", ProcessHandle.current().pid(), new byte[10]);

    SpoolFiles.Cleanup cleanup = SpoolFiles.deleteLeftOver(folder, later());

    assertThat(ours).exists();
    assertThat(cleanup.deleted()).isEmpty();
    assertThat(cleanup.bytes()).isZero();
  }

  @Test
  void deletesAFileLastWrittenBeforeTheProcessThatNowHasItsPidStarted() throws Exception {
    // A container's JVM gets the same pid at every start: the last run's file looks like ours.
    Path earlierRun = spoolFile("people.directory", ProcessHandle.current().pid(), new byte[10]);
    Instant started = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
    Files.setLastModifiedTime(earlierRun, FileTime.from(started.minus(Duration.ofMinutes(5))));

    SpoolFiles.deleteLeftOver(folder, later());

    assertThat(earlierRun).doesNotExist();
  }

  @Test
  void leavesFilesNamedOtherwiseAlone() throws Exception {
    long pid = endedProcess();
    Path withoutPid = Files.write(folder.resolve("crewexport-people-123456.spool"), new byte[1]);
    Path notSpool =
        Files.write(folder.resolve("crewexport-people-p" + pid + "-1.csv"), new byte[1]);
    Path notOurs = Files.write(folder.resolve("notes-p" + pid + "-1.spool"), new byte[1]);
    Path hugePid =
        Files.write(folder.resolve("crewexport-r-p9999999999999999999-1.spool"), new byte[1]);
    Path folderNamedLikeOne =
        Files.createDirectory(folder.resolve("crewexport-people-p" + pid + "-2.spool"));

    SpoolFiles.Cleanup cleanup = SpoolFiles.deleteLeftOver(folder, later());

    assertThat(cleanup.deleted()).isEmpty();
    assertThat(withoutPid).exists();
    assertThat(notSpool).exists();
    assertThat(notOurs).exists();
    assertThat(hugePid).exists();
    assertThat(folderNamedLikeOne).isDirectory();
  }

  @Test
  void takesTheLastPidInANameWhoseReportIdLooksLikeOne() throws Exception {
    long ended = endedProcess();
    Path ours = spoolFile("odd-p" + ended + "-1", ProcessHandle.current().pid(), new byte[1]);

    SpoolFiles.deleteLeftOver(folder, later());

    assertThat(ours).exists();
  }

  @Test
  void findsNothingInAFolderThatDoesNotExist() throws IOException {
    SpoolFiles.Cleanup cleanup = SpoolFiles.deleteLeftOver(folder.resolve("absent"), later());

    assertThat(cleanup.deleted()).isEmpty();
  }

  @Test
  void theSpoolNamesItsFilesSoThatTheCleanupKnowsTheirOwner() throws Exception {
    Path file =
        new Spool(
                folder,
                new ReportRequest(
                    "people.directory", Period.parse("2024-01-01", "2024-12-31"), ContentType.CSV))
            .newFile();

    assertThat(file.getFileName().toString())
        .startsWith(SpoolFiles.prefixFor("people.directory"))
        .endsWith(DownloadedReport.SPOOL_FILE_SUFFIX);
    assertThat(SpoolFiles.deleteLeftOver(folder, later()).deleted()).isEmpty();
    try (Stream<Path> files = Files.list(folder)) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void keepsARecentFileWhoseProcessThisOneCannotSee() throws Exception {
    // Another container sharing the folder: its live process's pid means nothing here.
    Path recent = spoolFile("people.directory", endedProcess(), new byte[1]);

    SpoolFiles.Cleanup cleanup = SpoolFiles.deleteLeftOver(folder);

    assertThat(recent).exists();
    assertThat(cleanup.deleted()).isEmpty();
  }

  /** A moment by which every file a test writes has gone unwritten for long enough. */
  private static Instant later() {
    return Instant.now().plus(SpoolFiles.QUIET).plusSeconds(60);
  }

  private Path spoolFile(String reportId, long pid, byte[] content) throws IOException {
    return Files.write(
        folder.resolve(
            DownloadedReport.SPOOL_FILE_PREFIX
                + reportId
                + "-p"
                + pid
                + "-4711"
                + DownloadedReport.SPOOL_FILE_SUFFIX),
        content);
  }

  /** The pid of a process that has ended (a pid is not handed out again this soon). */
  private static long endedProcess() throws Exception {
    Process process = new ProcessBuilder("true").start();
    process.waitFor();
    return process.pid();
  }
}
