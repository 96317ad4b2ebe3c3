package io.crewexport.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.crewexport.schema.Column;
import io.crewexport.schema.ColumnType;
import io.crewexport.spi.ExportTarget;
import io.crewexport.spi.ReportSink;
import io.crewexport.spi.Row;
import io.crewexport.spi.SinkWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes {@link LargeReport}'s 200,000 rows through a sink and reads them back with DuckDB, as a
 * user would: the same number of rows, the expected DuckDB type per column, per-column checksums
 * (non-null count; the sum of whole numbers, decimals and days since 1970; the count of true
 * values; the number of characters and of UTF-8 bytes of texts) equal to those computed in Java,
 * and every 997th row equal value for value. Needs {@code duckdb_jdbc} on the test class path.
 */
public abstract class LargeReportReadBackTest {
  private static final int SAMPLE_EVERY = 997;

  @TempDir protected Path outputFolder;

  /** A new sink. */
  protected abstract ReportSink createSink();

  /**
   * A DuckDB query returning every stored row of the report, its columns (and only those) in the
   * schema's order, as a reader of the sink's output writes it.
   */
  protected abstract String readQuery(ExportTarget target);

  /** Runs {@code sql}; a sink that stores a database file runs it there. */
  protected DuckDb.Table query(ExportTarget target, String sql) {
    return DuckDb.query(sql);
  }

  @Test
  void twoHundredThousandRowsReadBackWithTheirTypesAndValues() {
    ExportTarget target =
        new ExportTarget(
            LargeReport.REPORT_ID,
            LargeReport.PERIOD,
            "large",
            Instant.parse("2024-12-04T10:15:30Z"),
            outputFolder.toString(),
            Map.of());
    List<String> checks = new ArrayList<>(List.of("count(*)"));
    for (Column column : LargeReport.SCHEMA.columns()) {
      checks.addAll(checksOf(column));
    }
    long[] whole = new long[checks.size()];
    double[] decimal = new double[checks.size()];
    try (SinkWriter writer = createSink().open(LargeReport.SCHEMA, target)) {
      for (int i = 0; i < LargeReport.ROWS; i++) {
        Row row = LargeReport.row(i);
        writer.write(row);
        accumulate(row, whole, decimal);
      }
      writer.commit();
    }

    String relation = "(" + readQuery(target) + ")";
    DuckDb.Table types = query(target, "SELECT * FROM " + relation + " LIMIT 0");
    assertThat(types.names()).containsExactlyElementsOf(LargeReport.SCHEMA.names());
    assertThat(types.types())
        .containsExactlyElementsOf(
            LargeReport.SCHEMA.columns().stream().map(c -> sqlType(c.type())).toList());

    List<Object> actual =
        query(target, "SELECT " + String.join(", ", checks) + " FROM " + relation).rows().get(0);
    List<Number> wanted = new ArrayList<>();
    List<Number> got = new ArrayList<>();
    for (int i = 0; i < checks.size(); i++) {
      boolean sumOfDecimals = isSumOfDecimals(checks.get(i));
      wanted.add(sumOfDecimals ? (Number) decimal[i] : (Number) whole[i]);
      Number value = (Number) actual.get(i);
      got.add(sumOfDecimals ? (Number) value.doubleValue() : (Number) value.longValue());
    }
    assertThat(got).containsExactlyElementsOf(wanted);

    List<Row> sample =
        query(
                target,
                "SELECT * FROM "
                    + relation
                    + " WHERE employee_id % "
                    + SAMPLE_EVERY
                    + " = 0 ORDER BY employee_id")
            .asRows();
    assertThat(sample)
        .containsExactlyElementsOf(
            IntStream.range(0, LargeReport.ROWS)
                .filter(i -> i % SAMPLE_EVERY == 0)
                .mapToObj(LargeReport::row)
                .toList());
  }

  /** The checks of one column, in the order {@link #accumulate} computes them. */
  private static List<String> checksOf(Column column) {
    String name = '"' + column.name() + '"';
    return switch (column.type()) {
      case BIGINT -> List.of("count(" + name + ")", "sum(" + name + ")::BIGINT");
      case DOUBLE -> List.of("count(" + name + ")", "sum(" + name + ")");
      case BOOLEAN -> List.of("count(" + name + ")", "count_if(" + name + ")");
      case DATE -> List.of("count(" + name + ")", "sum(" + name + " - DATE '1970-01-01')::BIGINT");
      case TEXT ->
          List.of(
              "count(" + name + ")",
              "sum(length(" + name + "))::BIGINT",
              "sum(strlen(" + name + "))::BIGINT");
    };
  }

  private static void accumulate(Row row, long[] whole, double[] decimal) {
    int check = 0;
    whole[check++]++;
    for (int i = 0; i < row.size(); i++) {
      Object value = row.get(i);
      whole[check++] += value == null ? 0 : 1;
      switch (LargeReport.SCHEMA.column(i).type()) {
        case BIGINT -> whole[check++] += value == null ? 0 : (Long) value;
        case DOUBLE -> decimal[check++] += value == null ? 0 : (Double) value;
        case BOOLEAN -> whole[check++] += Boolean.TRUE.equals(value) ? 1 : 0;
        case DATE -> whole[check++] += value == null ? 0 : ((LocalDate) value).toEpochDay();
        case TEXT -> {
          String text = (String) value;
          whole[check++] += text == null ? 0 : text.codePointCount(0, text.length());
          whole[check++] += text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
        }
      }
    }
  }

  /** Sums of DOUBLE columns: exact here, since every value is a small multiple of 1/8. */
  private static boolean isSumOfDecimals(String check) {
    return check.startsWith("sum(\"double");
  }

  private static String sqlType(ColumnType type) {
    return type == ColumnType.TEXT ? "VARCHAR" : type.name();
  }
}
