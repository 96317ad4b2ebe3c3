package io.crewexport.testing;

import static io.crewexport.schema.ColumnType.BIGINT;
import static io.crewexport.schema.ColumnType.BOOLEAN;
import static io.crewexport.schema.ColumnType.DATE;
import static io.crewexport.schema.ColumnType.DOUBLE;
import static io.crewexport.schema.ColumnType.TEXT;
import static org.assertj.core.api.Assertions.assertThat;

import io.crewexport.Period;
import io.crewexport.schema.Column;
import io.crewexport.schema.ReportSchema;
import io.crewexport.spi.ExportTarget;
import io.crewexport.spi.ReportSink;
import io.crewexport.spi.Row;
import io.crewexport.spi.SinkResult;
import io.crewexport.spi.SinkWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A small report with every column type and the values that trip writers up: quotes, commas and
 * line breaks in text, a repeated heading, an empty text beside a missing value, emoji.
 */
public final class SampleReport {
  public static final String REPORT_ID = "oneonone.summary";
  public static final Period YEAR_2024 =
      Period.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31));
  public static final Instant EXTRACTED_AT = Instant.parse("2024-12-04T10:15:30Z");

  public static final ReportSchema SCHEMA =
      new ReportSchema(
          List.of(
              new Column("Employee ID", "employee_id", BIGINT),
              new Column("Name", "name", TEXT),
              new Column("Name", "name_2", TEXT),
              new Column("Score", "score", DOUBLE),
              new Column("Active?", "active", BOOLEAN),
              new Column("Last 1-on-1", "last_1_on_1", DATE)));

  public static final List<Row> ROWS =
      List.of(
          Row.of(1L, "Ann, \"the\" Boss", "Zoë Ångström", 4.5, true, LocalDate.of(2024, 1, 31)),
          Row.of(
              2L,
              "line one\r\nline two\nthree",
              "李小龍 🚀",
              -0.125,
              false,
              LocalDate.of(1999, 12, 31)),
          Row.of(3L, null, "", null, null, null),
          Row.of(null, "plain", "tab\there", 12345678.9, true, LocalDate.of(2024, 2, 29)));

  private SampleReport() {}

  /**
   * The rows as plain lists, each followed by the partition columns DuckDB adds when it reads
   * hive-style folders: {@code end_date} then {@code start_date}, in name order.
   */
  public static List<List<Object>> rowsWithPartition() {
    List<List<Object>> rows = new ArrayList<>();
    for (Row row : ROWS) {
      Object[] values = new Object[row.size()];
      Arrays.setAll(values, row::get);
      List<Object> withFolders = new ArrayList<>(Arrays.asList(values));
      withFolders.add(YEAR_2024.end());
      withFolders.add(YEAR_2024.start());
      rows.add(withFolders);
    }
    return rows;
  }

  /** An export of this report for 2024 into {@code root}. */
  public static ExportTarget target(Path root, String runId) {
    return target(root.toString(), runId, Map.of());
  }

  /** A snapshot export of this report into {@code root}. */
  public static ExportTarget snapshotTarget(Path root, String runId) {
    return new ExportTarget(REPORT_ID, null, runId, EXTRACTED_AT, root.toString(), Map.of());
  }

  /**
   * Exports this report into {@code root} through {@code sink} once for 2024 and once as a snapshot
   * with two of its rows, and checks that the query each export reports reads its own partitions.
   */
  public static void assertEachKindsQueryReadsItsOwnPartitions(ReportSink sink, Path root) {
    SinkResult period = export(sink, target(root, "r1"), ROWS);
    SinkResult snapshot = export(sink, snapshotTarget(root, "r2"), ROWS.subList(0, 2));

    assertThat(DuckDb.query(period.query()).rows()).hasSize(ROWS.size());
    assertThat(DuckDb.query(snapshot.query()).rows()).hasSize(2);
  }

  /** An export of this report for 2024 into {@code root}, with sink options. */
  public static ExportTarget target(String root, String runId, Map<String, String> options) {
    return new ExportTarget(REPORT_ID, YEAR_2024, runId, EXTRACTED_AT, root, options);
  }

  /** Opens an export of this report for {@code target}, writes {@code rows} and commits. */
  public static SinkResult export(ReportSink sink, ExportTarget target, List<Row> rows) {
    return export(sink, SCHEMA, target, rows);
  }

  /** Opens an export of {@code schema} for {@code target}, writes {@code rows} and commits. */
  public static SinkResult export(
      ReportSink sink, ReportSchema schema, ExportTarget target, List<Row> rows) {
    try (SinkWriter writer = sink.open(schema, target)) {
      rows.forEach(writer::write);
      return writer.commit();
    }
  }
}
