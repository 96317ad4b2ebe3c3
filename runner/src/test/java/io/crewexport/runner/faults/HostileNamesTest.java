package io.crewexport.runner.faults;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.crewexport.runner.cli.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names from outside: report ids that would climb out of the output root or carry SQL are refused
 * before anything is written; column headings that are SQL keywords, quotes, SQL or empty are
 * exported under safe quoted names, with the vendor's heading kept as it came.
 */
final class HostileNamesTest {
  private static final List<String> HEADINGS =
      List.of(
          "select",
          "\"from\"",
          "it's",
          "",
          "x;DROP TABLE y",
          "Robert'); DROP TABLE people_report;--",
          "_run_id");

  private static FaultServer server;

  @TempDir Path folder;

  @BeforeAll
  static void startServer() throws Exception {
    server = FaultServer.start();
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
  }

  @Test
  void refusesReportIdsThatAreNotIds() throws Exception {
    InProcess crewexport = new InProcess(folder);
    Path out = folder.resolve("deep/lake");
    for (String id : List.of("../../etc", "a b", "x;DROP TABLE y", "..")) {
      int code =
          crewexport.run(
              Map.of("CREWMOJO_TOKEN", "t0ken"),
              "export",
              "--report",
              id,
              "--sink",
              "parquet",
              "--sink",
              "duckdb",
              "--sink",
              "csv",
              "--out",
              out.toString());
      assertThat(code).as(id).isEqualTo(ExitCode.USAGE);
    }
    try (Stream<Path> files = Files.walk(folder)) {
      assertThat(files.map(folder::relativize).map(Path::toString)).containsOnly("");
    }
  }

  @Test
  void exportsHostileHeadingsUnderSafeQuotedNames() throws Exception {
    Lake lake = new Lake(folder.resolve("lake"));
    InProcess crewexport = new InProcess(folder);
    BatchYaml yaml =
        new BatchYaml(lake.root)
            .account(server, "hostile")
            .report(
                "hostile",
                "people.report",
                "2024-01-01..2024-01-31",
                null,
                Map.of("allow-shrink", "true"));
    assertThat(crewexport.export(yaml)).isZero();
    try (Connection db =
            DriverManager.getConnection("jdbc:duckdb:" + lake.root.resolve("crewexport.duckdb"));
        Statement statement = db.createStatement()) {
      statement.execute("CREATE TABLE y (canary INTEGER)");
    }
    server.account("hostile").everyDownload(Reply.body("text/csv", hostileReport()));

    int code = crewexport.export(yaml);

    assertThat(code).isZero();
    assertThat(lake.query("SELECT count(*) FROM lake.main.y")).isEqualTo("0");
    assertThat(
            lake.query(
                "SELECT string_agg(column_name, ',' ORDER BY ordinal_position)"
                    + " FROM information_schema.columns WHERE table_catalog = 'lake'"
                    + " AND table_name = 'people_report' AND column_name NOT LIKE 'employee%'"
                    + " AND ordinal_position > 7"))
        .isEqualTo(
            "_period_start,_period_end,_snapshot_date,_extracted_at,_run_id,"
                + "select,from,its,column_4,x_drop_table_y,robert_drop_table_people_report,run_id");
    assertThat(lake.query("SELECT count(*) FROM lake.main.people_report WHERE \"select\" = 'a'"))
        .isEqualTo("1");
    Path csv;
    try (Stream<Path> files = Files.walk(lake.root.resolve("csv"))) {
      csv = files.filter(p -> p.toString().endsWith(".csv")).findFirst().orElseThrow();
    }
    try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(csv)) {
      // The columns of the report's first export come first, kept and empty: types only widen.
      assertThat(reader.iterator().next().getFields())
          .endsWith(HEADINGS.toArray(String[]::new))
          .hasSize(7 + HEADINGS.size());
    }
  }

  @Test
  void namesNoColumnAfterAPartitionKeySoHiveReadsShowTheData() throws Exception {
    Lake lake = new Lake(folder.resolve("lake"));
    server
        .account("dates")
        .everyDownload(
            Reply.body(
                "text/csv",
                "Employee,Start Date,End Date\nAda,20200115,20201231\nBo,20210301,0\n"
                    .getBytes(UTF_8)));
    BatchYaml yaml =
        new BatchYaml(lake.root)
            .option("csv.header", "names")
            .account(server, "dates")
            .report("dates", "people.report", "2024-01-01..2024-12-31", null);

    assertThat(new InProcess(folder).export(yaml)).isZero();

    for (String files :
        List.of(
            "read_parquet('" + lake.root + "/parquet/people.report/**/*.parquet'",
            "read_csv('" + lake.root + "/csv/people.report/**/*.csv', header = true")) {
      assertThat(
              lake.query(
                  "SELECT concat_ws(' ', start_date, start_date_2, end_date, end_date_2) FROM "
                      + files
                      + ", hive_partitioning = true) WHERE employee = 'Ada'"))
          .as(files)
          .isEqualTo("2024-01-01 2020-01-15 2024-12-31 2020-12-31");
    }
    assertThat(
            lake.query("SELECT start_date_2 FROM lake.main.people_report WHERE employee = 'Ada'"))
        .isEqualTo("2020-01-15");
  }

  private static byte[] hostileReport() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < HEADINGS.size(); i++) {
      String heading = HEADINGS.get(i);
      text.append(i == 0 ? "" : ",").append('"').append(heading.replace("\"", "\"\"")).append('"');
    }
    text.append("\r\na,b,c,d,e,f,g\r\n");
    return text.toString().getBytes(UTF_8);
  }
}
