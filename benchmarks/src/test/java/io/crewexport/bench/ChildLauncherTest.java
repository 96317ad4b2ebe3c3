package io.crewexport.bench;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Profiled runs: each starts a child JVM with a flight recording, about a second each. */
final class ChildLauncherTest {
  private static final String SECRET = "bench-secret-3f9c1a";
  private static final String ENVIRONMENT_EVENT = "jdk.InitialEnvironmentVariable";

  @TempDir Path folder;

  @Test
  void aProfiledRunsRecordingHoldsNotTheSecretGivenInItsEnvironment() throws Exception {
    Path work = folder.resolve("work");

    profiledRun(work);

    Path recording = work.resolve("profiles").resolve("probe.jfr");
    List<RecordedEvent> events = RecordingFile.readAllEvents(recording);
    assertThat(events).isNotEmpty();
    assertThat(
            events.stream()
                .filter(event -> event.getEventType().getName().equals(ENVIRONMENT_EVENT))
                .map(event -> event.getString("key")))
        .doesNotContain(ExportRun.SECRET_VARIABLE);
    assertThat(new String(Files.readAllBytes(recording), ISO_8859_1)).doesNotContain(SECRET);
  }

  @Test
  void aProfiledRunRecordsIntoAWorkFolderWhosePathHoldsAComma() throws Exception {
    // Unquoted, the JVM took "filename=<folder>/bench" as the file and the rest as an option.
    Path work = folder.resolve("bench, second try");

    profiledRun(work);

    assertThat(work.resolve("profiles").resolve("probe.jfr")).isNotEmptyFile();
    assertThat(folder.resolve("bench")).doesNotExist();
  }

  @Test
  void givesTheSecretToExportRunsOnly() {
    ChildLauncher launcher = new ChildLauncher(folder, false, SECRET);

    assertThat(launcher.environmentOf(new ChildArgs(ExportRun.TASK, Map.of())))
        .containsExactly(Map.entry(ExportRun.SECRET_VARIABLE, SECRET));
    for (String task : List.of("duckdb", "fastcsv", "infer")) {
      assertThat(launcher.environmentOf(new ChildArgs(task, Map.of()))).as(task).isEmpty();
    }
  }

  @Test
  void flushesPendingWritesBeforeEachRunStarts() throws Exception {
    Path csv = Files.writeString(folder.resolve("small.csv"), "a,b\n1,2\n");
    List<String> events = new ArrayList<>();
    ChildLauncher launcher =
        new ChildLauncher(
            folder,
            false,
            SECRET,
            () -> events.add("flush; results so far " + resultsIn(folder.resolve("results"))));

    launcher.run("first", "64m", new ChildArgs("fastcsv", Map.of()).with("file", csv));
    launcher.run("second", "64m", new ChildArgs("fastcsv", Map.of()).with("file", csv));

    assertThat(events).containsExactly("flush; results so far 0", "flush; results so far 1");
  }

  private static long resultsIn(Path folder) {
    if (!Files.isDirectory(folder)) {
      return 0;
    }
    try (var files = Files.list(folder)) {
      return files.count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void profiledRun(Path work) throws Exception {
    Path csv = Files.writeString(folder.resolve("small.csv"), "a,b\n1,2\n");
    Measurement measurement =
        new ChildLauncher(work, true, SECRET)
            .run("probe", "64m", new ChildArgs("fastcsv", Map.of()).with("file", csv));
    assertThat(measurement.rows()).isEqualTo(1);
  }
}
