package io.crewexport.sink.csv;

import static io.crewexport.testing.SampleReport.ROWS;
import static io.crewexport.testing.SampleReport.export;
import static io.crewexport.testing.SampleReport.target;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.crewexport.spi.ExportTarget;
import io.crewexport.spi.SinkResult;
import io.crewexport.testing.DuckDb;
import io.crewexport.testing.SampleReport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class CsvSinkRoundTripTest {
  @TempDir Path root;

  private final CsvSink sink = new CsvSink();

  @Test
  void duckDbReadsBackEveryValueAndTypeWithTheResultQuery() {
    SinkResult result = export(sink, target(root, "r1"), ROWS);

    DuckDb.Table table = DuckDb.query(result.query());

    assertThat(table.types())
        .containsExactly(
            "BIGINT", "VARCHAR", "VARCHAR", "DOUBLE", "BOOLEAN", "DATE", "DATE", "DATE");
    assertThat(table.names())
        .containsExactly(
            "Employee ID",
            "Name",
            "Name_1",
            "Score",
            "Active?",
            "Last 1-on-1",
            "end_date",
            "start_date");
    assertThat(table.rows()).isEqualTo(SampleReport.rowsWithPartition());
  }

  @Test
  void reportsRowsPartitionFolderAndPublishedFile() {
    SinkResult result = export(sink, target(root, "r1"), ROWS);

    Path partition = root.resolve("csv/oneonone.summary/start_date=2024-01-01/end_date=2024-12-31");
    assertThat(result.rows()).isEqualTo(4);
    assertThat(result.location()).isEqualTo(partition.toString());
    assertThat(result.files()).containsExactly(partition.resolve("part-r1.csv").toString());
    assertThat(result.query())
        .isEqualTo(
            "SELECT * FROM read_csv('"
                + root.resolve("csv/oneonone.summary")
                + "/start_date=*/end_date=*/*.csv', hive_partitioning = true, header = true,"
                + " allow_quoted_nulls = false)");
  }

  @Test
  void writesRfc4180WithCrlfQuotingOnlyWhereNeededAndNoByteOrderMark() throws IOException {
    SinkResult result = export(sink, target(root, "r1"), ROWS);

    String text = Files.readString(Path.of(result.files().get(0)), UTF_8);

    assertThat(text)
        .isEqualTo(
            "Employee ID,Name,Name,Score,Active?,Last 1-on-1\r\n"
                + "1,\"Ann, \"\"the\"\" Boss\",Zoë Ångström,4.5,true,2024-01-31\r\n"
                + "2,\"line one\r\nline two\nthree\",李小龍 🚀,-0.125,false,1999-12-31\r\n"
                + "3,,\"\",,,\r\n"
                + ",plain,tab\there,12345678.9,true,2024-02-29\r\n");
  }

  @Test
  void writesSafeNamesInTheHeaderWhenAsked() throws IOException {
    ExportTarget target = target(root.toString(), "r1", Map.of("csv.header", "names"));

    SinkResult result = export(sink, target, ROWS);

    assertThat(Files.readAllLines(Path.of(result.files().get(0)), UTF_8).get(0))
        .isEqualTo("employee_id,name,name_2,score,active,last_1_on_1");
  }

  @Test
  void writesGzipThatDuckDbReadsWhenAsked() throws IOException {
    ExportTarget target = target(root.toString(), "r1", Map.of("csv.gzip", "true"));

    SinkResult result = export(sink, target, ROWS);

    assertThat(result.files().get(0)).endsWith("/part-r1.csv.gz");
    assertThat(gunzip(Path.of(result.files().get(0)))).startsWith("Employee ID,Name,Name,");
    assertThat(result.query()).contains("/start_date=*/end_date=*/*.csv.gz'");
    assertThat(DuckDb.query(result.query()).rows()).isEqualTo(SampleReport.rowsWithPartition());
  }

  @Test
  void acceptsAFileUriAsOutputRoot() {
    ExportTarget target = target(root.toUri().toString(), "r1", Map.of());

    SinkResult result = export(sink, target, ROWS);

    assertThat(Path.of(result.files().get(0)))
        .isEqualTo(
            root.resolve(
                "csv/oneonone.summary/start_date=2024-01-01/end_date=2024-12-31/part-r1.csv"))
        .isRegularFile();
  }

  @Test
  void filesASnapshotUnderTheDateOfExtraction() {
    ExportTarget snapshot =
        new ExportTarget(
            "people.list", null, "r1", SampleReport.EXTRACTED_AT, root.toString(), Map.of());

    SinkResult result = export(sink, snapshot, ROWS);

    assertThat(result.files())
        .containsExactly(
            root.resolve("csv/people.list/snapshot_date=2024-12-04/part-r1.csv").toString());
  }

  private static String gunzip(Path file) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      return new String(in.readAllBytes(), UTF_8);
    }
  }

  @Test
  void theQueryOfEachKindReadsItsOwnPartitionsWhenSnapshotsAndPeriodsMix() {
    SampleReport.assertEachKindsQueryReadsItsOwnPartitions(sink, root);
  }
}
