package io.crewexport.runner.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crewexport.runner.cli.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk under the output, through the packaged jar: the lake lives on a small tmpfs (the
 * tests run as root), one clean export goes in, the disk is filled, and each sink must fail on its
 * own export, naming the cause, keeping the clean export intact; once space is freed, the next run
 * commits.
 */
final class DiskFullIT {
  private static final String REPORT = LocalFaultsIT.REPORT;
  private static final String JANUARY = LocalFaultsIT.JANUARY;

  @TempDir static Path folder;
  private static FaultServer server;
  private static Path mount;
  private static boolean mounted;

  @BeforeAll
  static void mountASmallDisk() throws Exception {
    mount = Files.createTempDirectory("crewexport-full-");
    mounted = Folders.mountTmpfs(mount, 8);
    server = FaultServer.start();
  }

  @AfterAll
  static void unmount() throws Exception {
    server.close();
    if (mounted) {
      Folders.unmount(mount);
    }
    Files.deleteIfExists(mount);
  }

  @Test
  void everySinkFailsCleanlyOnAFullDiskAndCommitsOnceThereIsSpace() throws Exception {
    Assumptions.assumeTrue(mounted, "mount -t tmpfs is not allowed here: run the tests as root");
    Lake lake = new Lake(mount.resolve("lake"));
    Path state = folder.resolve("state");
    CrewexportJar jar = new CrewexportJar(folder);
    BatchYaml clean = config(lake.root, state);
    assertThat(jar.run(clean.env(), "export", "--config", write(clean)).code()).isZero();
    Map<String, String> filesBefore = lake.published();
    String tableBefore = lake.table("main", "people_report");

    server.account("acme").generation(2);
    Path filler = Folders.fill(mount);
    BatchYaml full = config(lake.root, state);
    CrewexportJar.Result run =
        jar.run(full.env(), "export", "--config", write(full), "--parallel", "1");

    assertThat(run.code()).as(run.toString()).isEqualTo(ExitCode.SOME_FAILED);
    List<JsonNode> entries = Manifest.latest(state).entries("acme", REPORT);
    assertThat(entries).hasSize(3);
    for (JsonNode entry : entries) {
      assertThat(entry.get("status").asText()).isEqualTo("failed");
      assertThat(entry.get("error_code").asText()).isEqualTo("SINK_FAILED");
      assertThat(entry.get("error").asText()).contains(REPORT, JANUARY, "No space left on device");
    }
    assertThat(lake.published()).isEqualTo(filesBefore);
    assertThat(lake.hidden()).isEmpty();
    Files.delete(filler);
    assertThat(lake.table("main", "people_report")).isEqualTo(tableBefore);

    CrewexportJar.Result again = jar.run(full.env(), "export", "--config", write(full));
    assertThat(again.code()).as(again.toString()).isZero();
    lake.codes("", "main", REPORT)
        .values()
        .forEach(codes -> assertThat(codes).contains("g2-emp12"));
  }

  /** One export per sink, so that each sink meets the full disk itself. */
  private static BatchYaml config(Path output, Path stateDir) {
    BatchYaml yaml = new BatchYaml(output).stateDir(stateDir).account(server, "acme");
    for (String sink : List.of("parquet", "duckdb", "csv")) {
      yaml.reportTo(List.of(sink), "acme", REPORT, JANUARY);
    }
    return yaml;
  }

  private static String write(BatchYaml yaml) throws Exception {
    return LocalFaultsIT.write(yaml, folder);
  }
}
