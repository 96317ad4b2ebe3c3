package io.crewexport.testing;

import static io.crewexport.schema.ColumnType.BIGINT;
import static io.crewexport.schema.ColumnType.BOOLEAN;
import static io.crewexport.schema.ColumnType.DATE;
import static io.crewexport.schema.ColumnType.DOUBLE;
import static io.crewexport.schema.ColumnType.TEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crewexport.Period;
import io.crewexport.schema.Column;
import io.crewexport.schema.ReportSchema;
import io.crewexport.spi.ExportTarget;
import io.crewexport.spi.ReportSink;
import io.crewexport.spi.Row;
import io.crewexport.spi.SinkWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a file sink that rewrites earlier partitions when types widen keeps: after an export whose
 * schema widened a column and added one, a glob over every partition, read without {@code
 * union_by_name}, gives one type per column and every row; a failure during the rewrite leaves
 * every earlier file byte for byte as it was.
 */
public abstract class WideningContractTest {
  private static final String REPORT = "widening.people";
  private static final Period JANUARY = Period.parse("2024-01-01", "2024-01-31");
  private static final Period FEBRUARY = Period.parse("2024-02-01", "2024-02-29");
  private static final Period MARCH = Period.parse("2024-03-01", "2024-03-31");

  private static final ReportSchema NARROW =
      new ReportSchema(
          List.of(
              new Column("Id", "id", BIGINT),
              new Column("Amount", "amount", BIGINT),
              new Column("Due", "due", DATE),
              new Column("Active", "active", BOOLEAN),
              new Column("Name, full", "name", TEXT)));
  private static final ReportSchema WIDE =
      new ReportSchema(
          List.of(
              new Column("Id", "id", BIGINT),
              new Column("Amount", "amount", DOUBLE),
              new Column("Due", "due", TEXT),
              new Column("Active", "active", TEXT),
              new Column("Name, full", "name", TEXT),
              new Column("Team", "team", TEXT)));

  @TempDir protected Path outputFolder;

  /** A new sink. */
  protected abstract ReportSink createSink();

  /** The sink's folder below the output root, such as {@code parquet}. */
  protected abstract String sinkFolder();

  /** The ending of the files the sink publishes, such as {@code .parquet}. */
  protected abstract String suffix();

  /**
   * A DuckDB query reading every file {@code glob} matches, without {@code union_by_name} and
   * without hive partition columns; a format that records no types in the file may give {@code
   * schema}'s.
   */
  protected abstract String readQuery(String glob, ReportSchema schema);

  /** Damages a published file so that reading it back fails part-way or at once. */
  protected abstract void corrupt(Path publishedFile) throws IOException;

  @Test
  void aWidenedExportRewritesTheEarlierPartitionsSoAllReadTogether() {
    ReportSink sink = createSink();
    export(sink, JANUARY, "r1", NARROW, narrowRows(0, 3));
    export(sink, FEBRUARY, "r2", WIDE, wideRows(100, 2));

    DuckDb.Table table = readAll(WIDE);

    assertThat(table.names()).containsExactlyElementsOf(WIDE.names());
    assertThat(table.types())
        .containsExactly("BIGINT", "DOUBLE", "VARCHAR", "VARCHAR", "VARCHAR", "VARCHAR");
    List<Row> expected = new ArrayList<>();
    expected.add(Row.of(0L, 0.0, "2024-01-01", "true", "name, 0 \uD83D\uDE00\r\nline", null));
    expected.add(Row.of(1L, null, null, "false", "", null));
    expected.add(Row.of(2L, 2_000_000_000_000L * 1.0, "2024-01-03", null, null, null));
    expected.addAll(wideRows(100, 2));
    assertThat(table.asRows()).containsExactlyElementsOf(expected);
    assertThat(FileTree.files(reportFolder()))
        .noneMatch(file -> file.getFileName().toString().startsWith("."))
        .anyMatch(file -> file.toString().contains("start_date=2024-01-01"));
  }

  @Test
  void anExportWithTheSameTypesRewritesNothing() {
    ReportSink sink = createSink();
    export(sink, JANUARY, "r1", NARROW, narrowRows(0, 3));
    Map<String, String> before = FileTree.snapshot(reportFolder());

    export(sink, FEBRUARY, "r2", NARROW, narrowRows(10, 1));

    Map<String, String> after = FileTree.snapshot(reportFolder());
    before.forEach((file, digest) -> assertThat(after).containsEntry(file, digest));
  }

  @Test
  void aFailureDuringTheRewriteLeavesEveryEarlierFileAsItWas() throws IOException {
    ReportSink sink = createSink();
    export(sink, JANUARY, "r1", NARROW, narrowRows(0, 3));
    export(sink, MARCH, "r2", NARROW, narrowRows(10, 3));
    // January is rewritten first (folders in order); March then fails to read.
    corrupt(publishedFile(MARCH, "r2"));
    Map<String, String> before = FileTree.snapshot(Path.of(outputFolder.toString(), sinkFolder()));

    assertThatThrownBy(() -> export(sink, FEBRUARY, "r3", WIDE, wideRows(100, 2)))
        .isInstanceOf(RuntimeException.class);

    assertThat(FileTree.snapshot(Path.of(outputFolder.toString(), sinkFolder()))).isEqualTo(before);
  }

  private DuckDb.Table readAll(ReportSchema schema) {
    String glob = reportFolder() + "/**/*" + suffix();
    return DuckDb.query(
        "SELECT * FROM (" + readQuery(glob, schema) + ") ORDER BY id, amount NULLS FIRST");
  }

  private Path reportFolder() {
    return outputFolder.resolve(sinkFolder()).resolve(REPORT);
  }

  private Path publishedFile(Period period, String runId) {
    return reportFolder()
        .resolve("start_date=" + period.start())
        .resolve("end_date=" + period.end())
        .resolve("part-" + runId + suffix());
  }

  private void export(
      ReportSink sink, Period period, String runId, ReportSchema schema, List<Row> rows) {
    ExportTarget target =
        new ExportTarget(
            REPORT,
            period,
            runId,
            Instant.parse("2024-12-04T10:15:30Z"),
            outputFolder.toString(),
            Map.of());
    try (SinkWriter writer = sink.open(schema, target)) {
      rows.forEach(writer::write);
      writer.commit();
    }
  }

  /** Rows of {@link #NARROW}: quoted commas, line breaks, text outside the BMP, nulls. */
  private static List<Row> narrowRows(long firstId, int count) {
    List<Row> rows = new ArrayList<>();
    Object[][] values = {
      {0L, LocalDate.of(2024, 1, 1), true, "name, 0 \uD83D\uDE00\r\nline"},
      {null, null, false, ""},
      {2_000_000_000_000L, LocalDate.of(2024, 1, 3), null, null},
    };
    for (int i = 0; i < count; i++) {
      Object[] row = values[i % values.length];
      rows.add(Row.of(firstId + i, row[0], row[1], row[2], row[3]));
    }
    return rows;
  }

  /** Rows of {@link #WIDE}, whose values the narrower types could not hold. */
  private static List<Row> wideRows(long firstId, int count) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      rows.add(Row.of(firstId + i, i + 0.5, "someday " + i, "maybe", "Émilie " + i, "team-" + i));
    }
    return rows;
  }
}
