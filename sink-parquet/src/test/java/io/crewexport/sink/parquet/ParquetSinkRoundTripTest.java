package io.crewexport.sink.parquet;

import static io.crewexport.testing.SampleReport.ROWS;
import static io.crewexport.testing.SampleReport.export;
import static io.crewexport.testing.SampleReport.target;
import static org.assertj.core.api.Assertions.assertThat;

import io.crewexport.spi.ExportTarget;
import io.crewexport.spi.Row;
import io.crewexport.spi.SinkResult;
import io.crewexport.testing.DuckDb;
import io.crewexport.testing.SampleReport;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class ParquetSinkRoundTripTest {
  @TempDir Path root;

  private final ParquetSink sink = new ParquetSink();

  @Test
  void duckDbReadsBackEveryValueAndTypeWithTheResultQuery() {
    SinkResult result = export(sink, target(root, "r1"), ROWS);

    DuckDb.Table table = DuckDb.query(result.query());

    assertThat(table.names())
        .containsExactly(
            "employee_id",
            "name",
            "name_2",
            "score",
            "active",
            "last_1_on_1",
            "end_date",
            "start_date");
    assertThat(table.types())
        .containsExactly(
            "BIGINT", "VARCHAR", "VARCHAR", "DOUBLE", "BOOLEAN", "DATE", "DATE", "DATE");
    assertThat(table.rows()).isEqualTo(SampleReport.rowsWithPartition());
  }

  @Test
  void reportsRowsPartitionFolderPublishedFileAndQuery() {
    SinkResult result = export(sink, target(root, "r1"), ROWS);

    Path partition =
        root.resolve("parquet/oneonone.summary/start_date=2024-01-01/end_date=2024-12-31");
    assertThat(result.rows()).isEqualTo(4);
    assertThat(result.location()).isEqualTo(partition.toString());
    assertThat(result.files()).containsExactly(partition.resolve("part-r1.parquet").toString());
    assertThat(Path.of(result.files().get(0))).isRegularFile();
    assertThat(result.query())
        .isEqualTo(
            "SELECT * FROM read_parquet('"
                + root.resolve("parquet/oneonone.summary")
                + "/start_date=*/end_date=*/*.parquet', hive_partitioning = true)");
  }

  @Test
  void footerCarriesLineageAndVendorHeadings() {
    SinkResult result = export(sink, target(root, "r1"), ROWS);

    Map<String, String> footer = Footers.crewexportMetadata(result.files().get(0));

    assertThat(footer)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "crewexport.report_id", "oneonone.summary",
                "crewexport.period_start", "2024-01-01",
                "crewexport.period_end", "2024-12-31",
                "crewexport.extracted_at", "2024-12-04T10:15:30Z",
                "crewexport.schema_fingerprint", SampleReport.SCHEMA.fingerprint(),
                "crewexport.headings",
                    "[\"Employee ID\",\"Name\",\"Name\",\"Score\",\"Active?\",\"Last 1-on-1\"]",
                "crewexport.tool_version", "dev"));
  }

  @Test
  void snapshotIsFiledAndLabelledWithTheDateOfExtraction() {
    ExportTarget snapshot =
        new ExportTarget(
            "people.list", null, "r1", SampleReport.EXTRACTED_AT, root.toString(), Map.of());

    SinkResult result = export(sink, snapshot, ROWS);

    assertThat(result.files())
        .containsExactly(
            root.resolve("parquet/people.list/snapshot_date=2024-12-04/part-r1.parquet")
                .toString());
    assertThat(Footers.crewexportMetadata(result.files().get(0)))
        .containsEntry("crewexport.snapshot_date", "2024-12-04")
        .doesNotContainKeys("crewexport.period_start", "crewexport.period_end");
  }

  @ParameterizedTest
  @CsvSource({"snappy, SNAPPY", "zstd, ZSTD", "gzip, GZIP", "none, UNCOMPRESSED"})
  void compressesWithTheCodecAsked(String option, String codec) {
    ExportTarget target = target(root.toString(), "r1", Map.of("parquet.codec", option));

    SinkResult result = export(sink, target, ROWS);

    assertThat(Footers.codecs(result.files().get(0))).containsExactly(codec);
    assertThat(DuckDb.query(result.query()).rows()).hasSize(ROWS.size());
  }

  @Test
  void compressesWithSnappyByDefault() {
    SinkResult result = export(sink, target(root, "r1"), ROWS);

    assertThat(Footers.codecs(result.files().get(0))).containsExactly("SNAPPY");
  }

  @Test
  void flushesRowGroupsAtTheSizeAsked() {
    ExportTarget target = target(root.toString(), "r1", Map.of("parquet.row-group-bytes", "65536"));
    List<Row> rows =
        IntStream.range(0, 20_000)
            .mapToObj(i -> Row.of((long) i, "name " + i, null, i / 3.0, i % 2 == 0, null))
            .toList();

    SinkResult result = export(sink, target, rows);

    assertThat(Footers.rowGroups(result.files().get(0))).isGreaterThan(1);
    assertThat(
            DuckDb.query("SELECT count(*), sum(employee_id) FROM (" + result.query() + ")").rows())
        .containsExactly(List.of(20_000L, BigInteger.valueOf(199_990_000L)));
  }

  @Test
  void acceptsAFileUriAndFoldersWithSpaces() {
    Path lake = root.resolve("my lake");
    ExportTarget target = target(lake.toUri().toString(), "r1", Map.of());

    SinkResult result = export(sink, target, ROWS);

    assertThat(Path.of(result.files().get(0)))
        .isEqualTo(
            lake.resolve("parquet/oneonone.summary")
                .resolve("start_date=2024-01-01/end_date=2024-12-31/part-r1.parquet"))
        .isRegularFile();
    assertThat(DuckDb.query(result.query()).rows()).hasSize(ROWS.size());
  }

  @Test
  void theQueryOfEachKindReadsItsOwnPartitionsWhenSnapshotsAndPeriodsMix() {
    SampleReport.assertEachKindsQueryReadsItsOwnPartitions(sink, root);
  }
}
