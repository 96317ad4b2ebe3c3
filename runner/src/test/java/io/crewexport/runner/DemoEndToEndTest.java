package io.crewexport.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.crewexport.runner.demo.GeneratedReport;
import io.crewexport.testing.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class DemoEndToEndTest {
  private static final int ROWS = 3_000;
  private static final String PARTITION = "start_date=2024-01-01/end_date=2024-12-31";

  @TempDir static Path folder;
  private static Path out;
  private static int exitCode;

  @BeforeAll
  static void runDemo() {
    out = folder.resolve("demo");
    exitCode = Main.run(Map.of(), "demo", "--out", out.toString(), "--rows", String.valueOf(ROWS));
  }

  @Test
  void exitsWithZero() {
    assertThat(exitCode).isZero();
  }

  @Test
  void writesTheSampleToEverySinkWithSameRowsAndValues() throws Exception {
    Path served = Samples.vendorSampleFile(folder);
    assertEverySinkHolds("oneonone.summary", "oneonone_summary", OutputCheck.served(served));
  }

  @Test
  void writesTheLongRunningReportToEverySinkWithSameRowsAndValues() throws Exception {
    Path served = folder.resolve("people.csv");
    GeneratedReport.writeCsv(served, ROWS, GeneratedReport.DEFAULT_SEED);
    assertEverySinkHolds("people.directory", "people_directory", OutputCheck.served(served));
  }

  @Test
  void keepsBothRepeatedHeadingsAsDistinctColumns() throws Exception {
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
        ResultSet rs =
            db.createStatement()
                .executeQuery(
                    "SELECT column_name FROM (DESCRIBE SELECT * FROM "
                        + parquet("oneonone.summary")
                        + ") WHERE column_name LIKE 'active_division_teams%'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("active_division_teams");
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("active_division_teams_2");
    }
  }

  @Test
  void laysOutOneFolderPerSinkPartitionedByPeriod() throws Exception {
    assertThat(out.resolve("parquet/oneonone.summary/" + PARTITION)).isDirectory();
    assertThat(out.resolve("csv/people.directory/" + PARTITION)).isDirectory();
    assertThat(out.resolve("crewexport.duckdb")).isRegularFile();
    try (var files = Files.walk(out)) {
      assertThat(files.map(Path::toString)).noneMatch(name -> name.endsWith(".staging"));
    }
  }

  private void assertEverySinkHolds(String reportId, String table, List<String[]> served)
      throws Exception {
    int columns = served.get(0).length;
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
      List<String> types = OutputCheck.types(db, parquet(reportId), columns);
      OutputCheck.assertSameAsServed(
          served, types, OutputCheck.read(db, parquet(reportId), columns));
      OutputCheck.assertSameAsServed(served, types, OutputCheck.read(db, csv(reportId), columns));
      db.createStatement()
          .execute("ATTACH '" + out.resolve("crewexport.duckdb") + "' AS crew (READ_ONLY)");
      OutputCheck.assertSameAsServed(
          served, types, OutputCheck.read(db, "crew.main." + table, columns));
    }
  }

  private String parquet(String reportId) {
    return "read_parquet('"
        + out
        + "/parquet/"
        + reportId
        + "/**/*.parquet', hive_partitioning = true)";
  }

  private String csv(String reportId) {
    return "read_csv('"
        + out
        + "/csv/"
        + reportId
        + "/**/*.csv', hive_partitioning = true,"
        + " all_varchar = true)";
  }
}
