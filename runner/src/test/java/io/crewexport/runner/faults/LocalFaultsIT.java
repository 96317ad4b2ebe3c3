package io.crewexport.runner.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.crewexport.client.SpoolFiles;
import io.crewexport.runner.cli.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Local faults, through the packaged jar: a full disk, an output path under a regular file, a sink
 * that throws, a process killed while writing. Each test starts from a copy of one clean export
 * (January, report generation 1) and meets its fault while exporting generation 2.
 */
final class LocalFaultsIT {
  static final String REPORT = "people.report";
  static final String JANUARY = "2024-01-01..2024-01-31";
  private static final String TABLE = "people_report";

  @TempDir static Path shared;
  private static FaultServer server;
  private static Path plugins;
  private static Map<String, String> filesBefore;
  private static String tableBefore;

  @TempDir Path folder;
  private Lake lake;
  private Path state;
  private CrewexportJar jar;

  @BeforeAll
  static void exportOnceCleanly() throws Exception {
    server = FaultServer.start();
    plugins = PluginJars.faultySink(shared.resolve("plugins"));
    Lake template = new Lake(shared.resolve("template/lake"));
    BatchYaml yaml = config(template.root, shared.resolve("template/state"));
    CrewexportJar.Result clean =
        new CrewexportJar(shared).run(yaml.env(), "export", "--config", write(yaml, shared));
    assertThat(clean.code()).as(clean.toString()).isZero();
    filesBefore = template.published();
    tableBefore = template.table("main", TABLE);
    assertThat(filesBefore).hasSize(2);
    server.account("acme").generation(2);
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
  }

  @BeforeEach
  void copyTheCleanExport() throws IOException {
    lake = new Lake(folder.resolve("lake"));
    state = folder.resolve("state");
    Folders.copy(shared.resolve("template/lake"), lake.root);
    Folders.copy(shared.resolve("template/state"), state);
    jar = new CrewexportJar(folder);
  }

  @Test
  void aSinkThrowingAtRowNAbortsEverySinkOfTheExport() throws Exception {
    BatchYaml yaml = config(lake.root, state).sinks("parquet", "duckdb", "csv", "faulty");
    yaml.option("faulty.fail-at-row", "5");

    CrewexportJar.Result run = export(yaml);

    assertThat(run.code()).as(run.toString()).isEqualTo(ExitCode.SOME_FAILED);
    assertThat(manifest().statuses("acme", REPORT).values()).hasSize(4).containsOnly("failed");
    assertThat(manifest().entries("acme", REPORT).get(0).get("error").asText())
        .contains(REPORT, JANUARY, "injected failure at row 5");
    assertPreviousExportKept();
  }

  @Test
  void aSinkFailingToCommitLeavesAManifestThatSaysWhatDidCommit() throws Exception {
    BatchYaml yaml = config(lake.root, state).sinks("parquet", "faulty", "duckdb", "csv");
    yaml.option("faulty.fail-at-commit", "true");

    CrewexportJar.Result run = export(yaml);

    assertThat(run.code()).as(run.toString()).isEqualTo(ExitCode.SOME_FAILED);
    assertThat(manifest().statuses("acme", REPORT))
        .containsEntry("2024-01-01 parquet", "committed")
        .containsEntry("2024-01-01 faulty", "failed")
        .containsEntry("2024-01-01 duckdb", "failed")
        .containsEntry("2024-01-01 csv", "failed");
    assertThat(lake.codes("", "main", REPORT).get("parquet")).contains("g2-emp12");
    assertThat(lake.published("csv")).isEqualTo(subset(filesBefore, "csv"));
    assertThat(lake.table("main", TABLE)).isEqualTo(tableBefore);
    assertThat(Files.readString(state.resolve("state.json"))).contains(runId(run));
    assertThat(lake.hidden()).isEmpty();
  }

  @Test
  void anOutputRootUnderARegularFileFailsEverySinkNamingThePath() throws Exception {
    Path file = Files.writeString(folder.resolve("not-a-folder"), "x");
    BatchYaml yaml = config(file.resolve("lake"), state);

    CrewexportJar.Result run = export(yaml);

    assertThat(run.code()).as(run.toString()).isEqualTo(ExitCode.SOME_FAILED);
    assertThat(manifest().entries("acme", REPORT))
        .allSatisfy(
            e -> assertThat(e.get("error").asText()).contains(REPORT, JANUARY, file.toString()));
    assertThat(file).hasContent("x");
  }

  @Test
  void aDuckDbFileUnderARegularFileAbortsTheOtherSinksToo() throws Exception {
    Path file = Files.writeString(folder.resolve("not-a-folder"), "x");
    BatchYaml yaml = config(lake.root, state);
    yaml.option("duckdb.file", file.resolve("crewexport.duckdb").toString());

    CrewexportJar.Result run = export(yaml);

    assertThat(run.code()).as(run.toString()).isEqualTo(ExitCode.SOME_FAILED);
    assertThat(manifest().entries("acme", REPORT))
        .allSatisfy(e -> assertThat(e.get("error").asText()).contains(REPORT, JANUARY, "DuckDB"));
    assertPreviousExportKept();
  }

  @Test
  void killedWhileWritingThenResumedPublishesOnceAndLeavesNothingBehind() throws Exception {
    Path spool = folder.resolve("spool");
    BatchYaml yaml =
        config(lake.root, state).spoolDir(spool).sinks("parquet", "duckdb", "csv", "faulty");
    Path marker = folder.resolve("writing");
    Map<String, String> env = new HashMap<>(yaml.env());
    env.put("FAULTY_PAUSE_AT_ROW", "3");
    env.put("FAULTY_PAUSE_MARKER", marker.toString());
    String config = write(yaml, folder);

    CrewexportJar.Started started =
        jar.start(env, "export", "--config", config, "--plugins", plugins.toString());
    awaitFile(marker, started.process());
    started.process().destroyForcibly();
    assertThat(started.process().waitFor(30, TimeUnit.SECONDS)).isTrue();

    assertThat(lake.hidden())
        .as("staging files of the killed run, which no glob matches")
        .anyMatch(name -> name.endsWith(".parquet.staging"))
        .anyMatch(name -> name.endsWith(".csv.staging"));
    assertThat(lake.published()).isEqualTo(filesBefore);
    assertThat(lake.table("main", TABLE)).isEqualTo(tableBefore);
    assertThat(spoolFiles(spool)).as("the killed run's spool file").hasSize(1);
    // As the next night's run finds it: a spool file is taken as left over only once it has gone
    // unwritten for a while (its process may live in another container).
    Path left = spool.resolve(spoolFiles(spool).get(0));
    Files.setLastModifiedTime(
        left, FileTime.from(Instant.now().minus(SpoolFiles.QUIET).minusSeconds(60)));

    CrewexportJar.Result resumed =
        jar.run(
            yaml.env(), "export", "--config", config, "--resume", "--plugins", plugins.toString());

    assertThat(resumed.code()).as(resumed.toString()).isZero();
    assertThat(manifest().statuses("acme", REPORT).values()).hasSize(4).containsOnly("committed");
    assertThat(lake.hidden()).isEmpty();
    assertThat(spoolFiles(spool)).as("spool files after the resumed run").isEmpty();
    assertThat(resumed.stdout() + resumed.stderr())
        .contains("Deleted 1 spool file(s), 0 MiB, that ended processes left in " + spool);
    assertThat(lake.published())
        .hasSize(2)
        .doesNotContainValue(filesBefore.values().iterator().next());
    lake.codes("", "main", REPORT).values().forEach(codes -> assertThat(codes).hasSize(12));
  }

  @Test
  void stoppedWhileDownloadingLeavesAManifestAndARunToResume() throws Exception {
    BatchYaml yaml = config(lake.root, state).sinks("parquet", "duckdb", "csv");
    // The body stalls for a while, as a slow vendor's does; the stop comes meanwhile.
    server.account("acme").nextDownloads(Reply.delayed(Duration.ofSeconds(3), Reply.data()));
    String config = write(yaml, folder);

    CrewexportJar.Started started = jar.start(yaml.env(), "export", "--config", config);
    awaitLine(started, "SUBMITTED");
    // kill -TERM, as a scheduler stops a job: Process.destroy() also closes the pipes the
    // child logs into, so what it logs while it stops would be lost.
    new ProcessBuilder("kill", "-TERM", String.valueOf(started.process().pid())).start().waitFor();
    assertThat(started.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
    CrewexportJar.Result stopped = started.result();

    assertThat(stopped.code()).as(stopped.toString()).isEqualTo(143);
    assertThat(stopped.stderr())
        .as(stopped.toString())
        .contains("Stopping: aborting the exports still running");
    assertThat(stopped.stdout()).contains("Run manifest: ");
    assertThat(manifest().statuses("acme", REPORT).values()).hasSize(3).containsOnly("failed");
    assertThat(manifest().entries("acme", REPORT))
        .allSatisfy(
            e -> assertThat(e.get("error").asText()).contains(REPORT, "interrupted", "nothing"));
    assertPreviousExportKept();

    CrewexportJar.Result resumed = jar.run(yaml.env(), "export", "--config", config, "--resume");

    assertThat(resumed.code()).as(resumed.toString()).isZero();
    assertThat(manifest().statuses("acme", REPORT).values()).hasSize(3).containsOnly("committed");
  }

  private void assertPreviousExportKept() throws Exception {
    assertThat(lake.published()).isEqualTo(filesBefore);
    assertThat(lake.table("main", TABLE)).isEqualTo(tableBefore);
    assertThat(lake.hidden()).isEmpty();
  }

  private CrewexportJar.Result export(BatchYaml yaml) throws Exception {
    return jar.run(
        yaml.env(), "export", "--config", write(yaml, folder), "--plugins", plugins.toString());
  }

  private Manifest manifest() {
    return Manifest.latest(state);
  }

  static BatchYaml config(Path output, Path stateDir) {
    return new BatchYaml(output)
        .stateDir(stateDir)
        .account(server, "acme")
        .report("acme", REPORT, JANUARY, null);
  }

  static String write(BatchYaml yaml, Path folder) throws IOException {
    return yaml.write(Files.createTempFile(folder, "config", ".yaml")).toString();
  }

  private static String runId(CrewexportJar.Result run) {
    String marker = "runs/run-";
    String out = run.stdout();
    int at = out.indexOf(marker) + marker.length();
    return out.substring(at, out.indexOf(".json", at));
  }

  private static Map<String, String> subset(Map<String, String> files, String folder) {
    Map<String, String> subset = new HashMap<>(files);
    subset.keySet().removeIf(path -> !path.startsWith(folder + "/"));
    return subset;
  }

  private static void awaitLine(CrewexportJar.Started started, String text) throws Exception {
    for (int i = 0; i < 600 && started.process().isAlive(); i++) {
      if (Files.readString(started.stderr()).contains(text)) {
        return;
      }
      Thread.sleep(100);
    }
    assertThat(Files.readString(started.stderr())).contains(text);
  }

  private static List<String> spoolFiles(Path spool) throws IOException {
    try (Stream<Path> files = Files.list(spool)) {
      return files.map(file -> file.getFileName().toString()).toList();
    }
  }

  private static void awaitFile(Path file, Process process) throws InterruptedException {
    for (int i = 0; i < 600 && !Files.exists(file) && process.isAlive(); i++) {
      Thread.sleep(100);
    }
    assertThat(file).as("the export reached the row where it hangs").exists();
  }
}
