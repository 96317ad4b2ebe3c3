package io.crewexport.runner.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crewexport.runner.cli.ExitCode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The runs of the disk-full row of the fault matrix, through the packaged jar, whatever makes the
 * disk full ({@link DiskFullIT}): from a copy of one clean export, the next export on the full
 * disk, which each sink must fail on its own export, naming the cause and keeping the clean export
 * intact, then the next with room again, which commits. Each sink gets an export of its own, so
 * that each meets the full disk itself.
 */
final class FullDiskExports {
  private static final String REPORT = LocalFaultsIT.REPORT;
  private static final String JANUARY = LocalFaultsIT.JANUARY;
  private static final String TABLE = "people_report";
  private static final List<String> SINKS = List.of("parquet", "duckdb", "csv");

  private final FaultServer server;
  private final Path folder;
  private final Lake lake;
  private final Path state;
  private final CrewexportJar jar;
  private Map<String, String> filesBefore;
  private String tableBefore;

  private FullDiskExports(FaultServer server, Path folder, Path lakeRoot) {
    this.server = server;
    this.folder = folder;
    this.lake = new Lake(lakeRoot);
    this.state = folder.resolve("state");
    this.jar = new CrewexportJar(folder);
  }

  /**
   * Exports the report's generation 1 cleanly into {@code folder}/lake, notes what the lake holds,
   * and moves the server on to generation 2.
   */
  static FullDiskExports exportCleanly(FaultServer server, Path folder) throws Exception {
    FullDiskExports clean = new FullDiskExports(server, folder, folder.resolve("lake"));
    CrewexportJar.Result run = clean.export(List::of);
    assertThat(run.code()).as(run.toString()).isZero();
    clean.filesBefore = clean.lake.published();
    clean.tableBefore = clean.lake.table("main", TABLE);
    server.account("acme").generation(2);
    return clean;
  }

  /**
   * A copy of this clean export: its lake at {@code lakeRoot}, on the disk that will be full, its
   * state, configs and logs in {@code folder}.
   */
  FullDiskExports copy(Path lakeRoot, Path folder) throws Exception {
    FullDiskExports copy = new FullDiskExports(server, folder, lakeRoot);
    Folders.copy(lake.root, lakeRoot);
    Folders.copy(state, copy.state);
    copy.filesBefore = filesBefore;
    copy.tableBefore = tableBefore;
    return copy;
  }

  /**
   * Exports generation 2, one export at a time, each sink's to {@code sinks.apply(sink)}, and
   * checks that every sink failed naming the report, the period and {@code cause}, and left the
   * files as they were.
   */
  void exportFailsOnAFullDisk(Function<String, List<String>> sinks, String cause, String... args)
      throws Exception {
    List<String> parallelOne = new ArrayList<>(List.of("--parallel", "1"));
    parallelOne.addAll(List.of(args));
    CrewexportJar.Result run = export(sinks, parallelOne.toArray(String[]::new));

    assertThat(run.code()).as(run.toString()).isEqualTo(ExitCode.SOME_FAILED);
    List<JsonNode> entries =
        Manifest.latest(state).entries("acme", REPORT).stream()
            .filter(entry -> SINKS.contains(entry.get("sink").asText()))
            .toList();
    assertThat(entries).extracting(entry -> entry.get("sink").asText()).hasSameElementsAs(SINKS);
    for (JsonNode entry : entries) {
      assertThat(entry.get("status").asText()).isEqualTo("failed");
      assertThat(entry.get("error_code").asText()).isEqualTo("SINK_FAILED");
      assertThat(entry.get("error").asText()).contains(REPORT, JANUARY, cause);
    }
    assertThat(lake.published()).isEqualTo(filesBefore);
    assertThat(lake.hidden()).isEmpty();
  }

  /** Checks that the DuckDB table is as it was, then that the next export commits everywhere. */
  void exportCommitsOnceThereIsRoom() throws Exception {
    // Read only now: attaching the DuckDB file may need room on its disk.
    assertThat(lake.table("main", TABLE)).isEqualTo(tableBefore);

    CrewexportJar.Result again = export(List::of);

    assertThat(again.code()).as(again.toString()).isZero();
    lake.codes("", "main", REPORT)
        .values()
        .forEach(codes -> assertThat(codes).contains("g2-emp12"));
  }

  private CrewexportJar.Result export(Function<String, List<String>> sinks, String... args)
      throws Exception {
    BatchYaml yaml = new BatchYaml(lake.root).stateDir(state).account(server, "acme");
    for (String sink : SINKS) {
      yaml.reportTo(sinks.apply(sink), "acme", REPORT, JANUARY);
    }
    List<String> command = new ArrayList<>(List.of("export", "--config"));
    command.add(LocalFaultsIT.write(yaml, folder));
    command.addAll(List.of(args));
    return jar.run(yaml.env(), command.toArray(String[]::new));
  }
}
