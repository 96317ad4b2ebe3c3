package io.crewexport.runner.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crewexport.runner.cli.ExitCode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Column rules that match no column: a misspelt {@code hash} or {@code drop} key fails its export
 * before any sink opens, so no sink (DuckDB included) writes it and the previous export stays,
 * while the other reports of the batch go on.
 */
final class ColumnRulesTest {
  private static final String REPORT = "people.report";
  private static final String OTHER = "other.report";
  private static final String JANUARY = "2024-01-01..2024-01-31";

  @TempDir Path folder;

  @Test
  void aRuleNamingNoColumnFailsItsExportAndWritesNothing() throws Exception {
    try (FaultServer server = FaultServer.start()) {
      assertRuleNamingNoColumnFails(server);
    }
  }

  private void assertRuleNamingNoColumnFails(FaultServer server) throws Exception {
    Lake lake = new Lake(folder.resolve("lake"));
    InProcess crewexport = new InProcess(folder);
    assertThat(crewexport.export(config(server, lake, null))).isZero();
    Map<String, String> filesBefore = lake.published();
    String tableBefore = lake.table("main", "people_report");

    int code = crewexport.export(config(server, lake, "{Emial: hash, Notes: drop}"));

    assertThat(code).isEqualTo(ExitCode.USAGE);
    Manifest manifest = Manifest.latest(lake.root.resolve("_crewexport"));
    List<JsonNode> failed = manifest.entries("rules", REPORT);
    assertThat(failed).hasSize(3);
    for (JsonNode entry : failed) {
      assertThat(entry.get("status").asText()).isEqualTo("failed");
      assertThat(entry.get("error_code").asText()).isEqualTo("CONFIGURATION");
      assertThat(entry.get("error").asText())
          .contains(REPORT, JANUARY, "'Emial: hash' names no column", "'Email'", "Fix the key")
          .doesNotContain("Notes: drop");
    }
    assertThat(manifest.entries("rules", OTHER))
        .allSatisfy(entry -> assertThat(entry.get("status").asText()).isEqualTo("committed"));
    Map<String, String> filesAfter = lake.published();
    filesAfter.keySet().removeIf(path -> path.contains(OTHER) || path.endsWith(".duckdb"));
    filesBefore.keySet().removeIf(path -> path.contains(OTHER) || path.endsWith(".duckdb"));
    assertThat(filesAfter).isEqualTo(filesBefore);
    assertThat(lake.table("main", "people_report")).isEqualTo(tableBefore);
    assertThat(lake.hidden()).isEmpty();
  }

  @Test
  void rulesNamingAHeadingOrASafeNameExport() throws Exception {
    Lake lake = new Lake(folder.resolve("lake"));
    try (FaultServer server = FaultServer.start()) {
      BatchYaml yaml = config(server, lake, "{Email: hash, last_access: drop}");
      assertThat(new InProcess(folder).export(yaml)).isZero();
    }
    assertThat(
            lake.query(
                "SELECT count(*) FROM information_schema.columns WHERE table_catalog = 'lake'"
                    + " AND table_name = 'people_report' AND column_name = 'last_access'"))
        .isEqualTo("0");
    assertThat(lake.query("SELECT min(length(email)) FROM lake.main.people_report"))
        .isEqualTo("64");
  }

  private static BatchYaml config(FaultServer server, Lake lake, String columns) {
    BatchYaml yaml =
        new BatchYaml(lake.root)
            .account(server, "rules")
            .hashSalt("pepper")
            .report("rules", REPORT, JANUARY, null);
    if (columns != null) {
      yaml.columns(columns);
    }
    return yaml.report("rules", OTHER, JANUARY, null);
  }
}
