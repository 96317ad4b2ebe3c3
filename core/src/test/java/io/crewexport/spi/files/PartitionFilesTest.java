package io.crewexport.spi.files;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crewexport.CrewexportException;
import io.crewexport.ErrorCode;
import io.crewexport.Period;
import io.crewexport.spi.ExportTarget;
import io.crewexport.testing.FileTree;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The publishing protocol when a run fails or is killed half-way; the contract covers the rest. */
final class PartitionFilesTest {
  private static final Period JANUARY = Period.parse("2024-01-01", "2024-01-31");
  private static final Period FEBRUARY = Period.parse("2024-02-01", "2024-02-29");
  private static final String PARTITION = "start_date=2024-01-01/end_date=2024-01-31";

  @TempDir Path report;

  @Test
  void publishKilledAfterSettingTheOldFileAsideIsUndoneByTheNextExport() throws IOException {
    publish(new LocalFileStore(), "run-1", "old");
    FailingFileStore dying =
        new FailingFileStore()
            .failRename(from -> from.endsWith(".staging"), new FailingFileStore.Killed());

    assertThatThrownBy(() -> publish(dying, "run-2", "new"))
        .isInstanceOf(FailingFileStore.Killed.class);
    assertThat(names())
        .containsExactly(".part-run-1.csv.replaced-by-run-2", ".part-run-2.csv.staging");

    files(new LocalFileStore(), "run-3").openStaging().close();
    files(new LocalFileStore(), "run-3").discard();

    assertThat(names()).containsExactly("part-run-1.csv");
    assertThat(Files.readString(report.resolve(PARTITION).resolve("part-run-1.csv")))
        .isEqualTo("old");
  }

  @Test
  void publishKilledBeforeDeletingTheOldFileIsFinishedByTheNextExport() throws IOException {
    publish(new LocalFileStore(), "run-1", "old");
    FailingFileStore dying =
        new FailingFileStore()
            .failDelete(path -> path.contains("replaced-by"), new FailingFileStore.Killed());

    assertThatThrownBy(() -> publish(dying, "run-2", "new"))
        .isInstanceOf(FailingFileStore.Killed.class);

    files(new LocalFileStore(), "run-3").openStaging().close();
    files(new LocalFileStore(), "run-3").discard();

    assertThat(names()).containsExactly("part-run-2.csv");
  }

  @Test
  void failedRenameOfTheStagingFilePutsTheOldFilesBack() throws IOException {
    publish(new LocalFileStore(), "run-1", "old");
    FailingFileStore failing =
        new FailingFileStore()
            .failRename(from -> from.endsWith(".staging"), new IOException("disk gone"));

    assertThatThrownBy(() -> publish(failing, "run-2", "new")).hasMessage("disk gone");

    assertThat(names()).containsExactly(".part-run-2.csv.staging", "part-run-1.csv");
  }

  @Test
  void failedDeleteOfTheOldFileAfterPublishingStillPublishes() throws IOException {
    publish(new LocalFileStore(), "run-1", "old");
    FailingFileStore failing =
        new FailingFileStore()
            .failDelete(path -> path.contains("replaced-by"), new IOException("busy"));

    publish(failing, "run-2", "new");

    assertThat(names()).containsExactly(".part-run-1.csv.replaced-by-run-2", "part-run-2.csv");
    publish(new LocalFileStore(), "run-3", "newer");
    assertThat(names()).containsExactly("part-run-3.csv");
  }

  @Test
  void onAnObjectStoreAFailedDeleteOfAReplacedFileSaysBothAreVisible() throws IOException {
    FailingFileStore objects = new FailingFileStore().publishingOnClose();
    publish(objects, "run-1", "old");
    objects.failDelete(path -> path.endsWith("part-run-1.csv"), new IOException("503 Slow Down"));

    assertThatThrownBy(() -> publish(objects, "run-2", "new"))
        .isInstanceOfSatisfying(
            CrewexportException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SINK_FAILED))
        .hasMessageContaining("published " + report.resolve(PARTITION).resolve("part-run-2.csv"))
        .hasMessageContaining(
            "could not delete " + report.resolve(PARTITION).resolve("part-run-1.csv"))
        .hasMessageContaining("503 Slow Down")
        .hasMessageContaining("export the period again");
    assertThat(names()).containsExactly("part-run-1.csv", "part-run-2.csv");
  }

  @Test
  void leftoversOfTheCurrentRunAndForeignFoldersAreLeftAlone() throws IOException {
    Path otherPartition = report.resolve("start_date=2024-02-01/end_date=2024-02-29");
    Files.createDirectories(otherPartition);
    Files.writeString(otherPartition.resolve(".part-run-3.csv.staging"), "in progress");
    Files.createDirectories(report.resolve("notes"));
    Files.writeString(report.resolve("notes/part-readme.txt"), "kept");

    publish(new LocalFileStore(), "run-3", "january");

    assertThat(otherPartition.resolve(".part-run-3.csv.staging")).exists();
    assertThat(report.resolve("notes/part-readme.txt")).exists();
  }

  @Test
  void onAnObjectStoreTheFileIsWrittenUnderItsFinalNameAndTheReplacedOnesDeletedAfter()
      throws IOException {
    FailingFileStore objects = new FailingFileStore().publishingOnClose();
    publish(objects, "run-1", "old");
    PartitionFiles files = files(objects, "run-2");

    try (OutputStream out = files.openStaging()) {
      out.write("new".getBytes(UTF_8));
    }
    assertThat(names()).containsExactly("part-run-1.csv", "part-run-2.csv");
    String published = files.publish();

    assertThat(published).endsWith("/part-run-2.csv").isEqualTo(files.stagingPath());
    assertThat(names()).containsExactly("part-run-2.csv");
  }

  @Test
  void onAnObjectStoreDiscardDeletesNothing() throws IOException {
    FailingFileStore objects = new FailingFileStore().publishingOnClose();
    publish(objects, "run-1", "old");

    files(objects, "run-1").discard();

    assertThat(names()).containsExactly("part-run-1.csv");
  }

  @Test
  void aKilledPublishThatRewroteAnotherPartitionIsUndoneThereToo() throws IOException {
    String february = "start_date=2024-02-01/end_date=2024-02-29";
    publish(files(new LocalFileStore(), "run-1", FEBRUARY), "old");
    FailingFileStore dying =
        new FailingFileStore()
            .failRename(
                from -> from.contains("2024-01-01") && from.endsWith(".staging"),
                new FailingFileStore.Killed());
    PartitionFiles files = files(dying, "run-2");
    files.openStaging().close();
    try (OutputStream out = dying.create(files.stagingPath(february, "part-run-2.csv"))) {
      out.write("rewritten".getBytes(UTF_8));
    }
    List<PartitionFiles.Staged> rewritten =
        List.of(
            new PartitionFiles.Staged(
                february, List.of("part-run-2.csv"), List.of("part-run-1.csv")));

    assertThatThrownBy(() -> files.publish(rewritten)).isInstanceOf(FailingFileStore.Killed.class);
    assertThat(names(february))
        .containsExactly(".part-run-1.csv.replaced-by-run-2", "part-run-2.csv");

    files(new LocalFileStore(), "run-3").openStaging().close();
    files(new LocalFileStore(), "run-3").discard();

    assertThat(names(february)).containsExactly("part-run-1.csv");
    assertThat(Files.readString(report.resolve(february).resolve("part-run-1.csv")))
        .isEqualTo("old");
  }

  @Test
  void aKilledExportLeavesWhatTheSameRunCommittedInAnotherPartition() throws IOException {
    String february = "start_date=2024-02-01/end_date=2024-02-29";
    publish(files(new LocalFileStore(), "run-1", FEBRUARY), "february");
    // The same run's January export is killed before it publishes.
    files(new LocalFileStore(), "run-1").openStaging().close();

    files(new LocalFileStore(), "run-2").openStaging().close();
    files(new LocalFileStore(), "run-2").discard();

    assertThat(names(february)).containsExactly("part-run-1.csv");
    assertThat(names()).isEmpty();
  }

  private void publish(FileStore store, String runId, String content) throws IOException {
    publish(files(store, runId), content);
  }

  private static void publish(PartitionFiles files, String content) throws IOException {
    try (OutputStream out = files.openStaging()) {
      out.write(content.getBytes(UTF_8));
    }
    files.publish();
  }

  private PartitionFiles files(FileStore store, String runId) {
    return files(store, runId, JANUARY);
  }

  private PartitionFiles files(FileStore store, String runId, Period period) {
    ExportTarget target =
        new ExportTarget("r", period, runId, Instant.EPOCH, report.toString(), Map.of());
    return new PartitionFiles(store, report.toString(), target, ".csv", "test");
  }

  private List<String> names() {
    return names(PARTITION);
  }

  private List<String> names(String partition) {
    return FileTree.files(report.resolve(partition)).stream()
        .map(path -> path.getFileName().toString())
        .toList();
  }
}
