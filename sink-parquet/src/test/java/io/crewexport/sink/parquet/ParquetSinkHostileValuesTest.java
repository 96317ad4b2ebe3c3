package io.crewexport.sink.parquet;

import static io.crewexport.schema.ColumnType.BIGINT;
import static io.crewexport.schema.ColumnType.BOOLEAN;
import static io.crewexport.schema.ColumnType.DATE;
import static io.crewexport.schema.ColumnType.DOUBLE;
import static io.crewexport.schema.ColumnType.TEXT;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.crewexport.schema.Column;
import io.crewexport.schema.ReportSchema;
import io.crewexport.spi.ExportTarget;
import io.crewexport.spi.Row;
import io.crewexport.spi.SinkResult;
import io.crewexport.testing.DuckDb;
import io.crewexport.testing.SampleReport;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.io.api.Binary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile values through the real sink, read back by parquet-avro and by DuckDB, with the footer's
 * statistics checked against the rows each row group holds, and DuckDB's filters on the file (which
 * skip row groups and pages by those statistics) checked against the same filters on a copy.
 */
final class ParquetSinkHostileValuesTest {
  private static final ReportSchema SCHEMA =
      new ReportSchema(
          List.of(
              new Column("Id", "id", BIGINT),
              new Column("Big", "big", BIGINT),
              new Column("Score", "score", DOUBLE),
              new Column("Note", "note", TEXT),
              new Column("Day", "day", DATE),
              new Column("Flag", "flag", BOOLEAN)));

  private static final String HUGE = "x".repeat(1_300_000);
  private static final String HUGE_NON_ASCII = "é😀".repeat(200_000);

  @TempDir Path root;

  private final ParquetSink sink = new ParquetSink();

  @ParameterizedTest
  @ValueSource(ints = {1, 20_000, 20_001, 45_001})
  void everyValueStatisticAndFilterHoldsOverManyRowGroups(int count) throws IOException {
    List<Row> rows = IntStream.range(0, count).mapToObj(ParquetSinkHostileValuesTest::row).toList();
    ExportTarget target =
        SampleReport.target(root.toString(), "r1", Map.of("parquet.row-group-bytes", "65536"));

    SinkResult result = SampleReport.export(sink, SCHEMA, target, rows);
    String file = result.files().get(0);

    List<Row> expected = rows.stream().map(ParquetSinkHostileValuesTest::asUtf8).toList();
    assertThat(ParquetFiles.rows(ParquetFiles.local(file), SCHEMA)).isEqualTo(expected);
    assertThat(duckDbRows(file)).isEqualTo(expected);
    assertStatisticsHoldTheirRows(file, expected);
    assertFiltersAgreeWithACopy(file, expected);
  }

  @Test
  void aDictionaryFilledExactlyToItsLimitThenOverflowing() throws IOException {
    // 1024 entries of 4 + 1020 bytes: exactly 1 MiB of dictionary; the next one overflows it.
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      String text = i < 2_048 ? String.format("%04d", i % 1_024) + "y".repeat(1_016) : "z" + i;
      rows.add(Row.of((long) i, (long) i, i / 4.0, i == 2_999 ? "" : text, null, i % 2 == 0));
    }
    ExportTarget target = SampleReport.target(root.toString(), "r1", Map.of());

    String file = SampleReport.export(sink, SCHEMA, target, rows).files().get(0);

    assertThat(ParquetFiles.rows(ParquetFiles.local(file), SCHEMA)).isEqualTo(rows);
    assertThat(duckDbRows(file)).isEqualTo(rows);
    assertStatisticsHoldTheirRows(file, rows);
    assertFiltersAgreeWithACopy(file, rows);
  }

  @ParameterizedTest
  @ValueSource(strings = {"none", "snappy"})
  void manyPagesReadBackWholeCompressedOrNot(String codec) throws IOException {
    // Repeated values across page cuts and a dictionary that gives up mid-chunk; uncompressed,
    // the page store is handed the encoders' reused buffers and must keep what they held.
    String[] shared = {"Construction", "Product & Design", "é😀 team", "x".repeat(3_000)};
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 60_000; i++) {
      String note = i % 13 == 0 ? null : i > 40_000 && i % 3 == 0 ? "d" + i : shared[i / 7 % 4];
      rows.add(Row.of((long) i, (long) (i % 5), i / 8.0, note, null, i % 2 == 0));
    }
    ExportTarget target =
        SampleReport.target(
            root.toString(),
            "r1",
            Map.of("parquet.row-group-bytes", "1048576", "parquet.codec", codec));

    String file = SampleReport.export(sink, SCHEMA, target, rows).files().get(0);

    assertThat(ParquetFiles.rows(ParquetFiles.local(file), SCHEMA)).isEqualTo(rows);
    assertThat(duckDbRows(file)).isEqualTo(rows);
    assertStatisticsHoldTheirRows(file, rows);
  }

  private static Row row(int i) {
    long big =
        switch (i % 5) {
          case 0 -> Long.MIN_VALUE;
          case 1 -> Long.MAX_VALUE;
          case 2 -> 0L;
          case 3 -> -1L;
          default -> (long) i * 1_000_003L;
        };
    Double score =
        switch (i % 9) {
          case 0 -> 0.0;
          case 1 -> -0.0;
          case 2 -> 0.00000000000001;
          case 3 -> -0.00000000000001;
          case 4 -> 123456789012.345;
          case 5 -> -99999999999999.9;
          case 6 -> i % 2 == 0 ? null : 1.0;
          case 7 -> i / 1000 % 2 == 0 ? -0.0 : 0.0;
          default -> 0.1;
        };
    String note =
        switch (i % 13) {
          case 0 -> i % 1_000 == 0 ? HUGE : "";
          case 1 -> null;
          case 2 -> "\uD800 alone";
          case 3 -> "tail \uDC00";
          case 4 -> "𝄞 clef " + i % 7;
          case 5 -> i == 5 || i == 20_005 ? HUGE_NON_ASCII : "日本語";
          case 6 -> "unique " + i;
          case 7 -> "\uFFFF";
          case 8 -> "z\u0000z";
          default -> "team " + i % 11;
        };
    LocalDate day =
        switch (i % 4) {
          case 0 -> LocalDate.of(1000, 1, 1);
          case 1 -> LocalDate.of(9999, 12, 31);
          case 2 -> null;
          default -> LocalDate.of(1970, 1, 1).plusDays(i % 50 - 25);
        };
    // True everywhere in the first 20,000 rows, false after, every other row null in between.
    Boolean flag = i < 20_000 ? Boolean.TRUE : i < 30_000 ? (i % 2 == 0 ? null : false) : null;
    return Row.of((long) i, i % 2 == 0 ? null : big, score, note, day, flag);
  }

  /** What a Parquet file holds for {@code row}: text as UTF-8 keeps it, lone surrogates as ?. */
  private static Row asUtf8(Row row) {
    Object[] values = new Object[row.size()];
    for (int i = 0; i < values.length; i++) {
      Object value = row.get(i);
      values[i] = value instanceof String text ? new String(text.getBytes(UTF_8), UTF_8) : value;
    }
    return Row.wrap(values);
  }

  private static List<Row> duckDbRows(String file) {
    String from = "read_parquet(" + DuckDb.literal(file) + ", hive_partitioning = false)";
    return DuckDb.query("SELECT * FROM " + from + " ORDER BY id").asRows();
  }

  /** Each row group's statistics per column: nulls counted, every value within min and max. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void assertStatisticsHoldTheirRows(String file, List<Row> rows)
      throws IOException {
    try (ParquetFileReader reader = ParquetFileReader.open(ParquetFiles.local(file))) {
      long first = 0;
      for (BlockMetaData block : reader.getFooter().getBlocks()) {
        List<Row> group = rows.subList((int) first, (int) (first + block.getRowCount()));
        for (int c = 0; c < SCHEMA.size(); c++) {
          Statistics statistics = block.getColumns().get(c).getStatistics();
          long nulls = 0;
          for (Row row : group) {
            Object value = row.get(c);
            if (value == null) {
              nulls++;
              continue;
            }
            Comparable parquet = parquetValue(value);
            String where = "row group from row " + first + ", column " + c + ", value " + value;
            if (!statistics.hasNonNullValue()) {
              // parquet-java leaves out a min or max longer than its limit: nothing is claimed.
              continue;
            }
            assertThat(statistics.comparator().compare(statistics.genericGetMin(), parquet))
                .as("min of " + where)
                .isLessThanOrEqualTo(0);
            assertThat(statistics.comparator().compare(statistics.genericGetMax(), parquet))
                .as("max of " + where)
                .isGreaterThanOrEqualTo(0);
          }
          if (statistics.isNumNullsSet()) {
            assertThat(statistics.getNumNulls()).as("nulls, column " + c).isEqualTo(nulls);
          }
        }
        first += block.getRowCount();
      }
      assertThat(first).isEqualTo(rows.size());
    }
  }

  private static Comparable<?> parquetValue(Object value) {
    if (value instanceof String text) {
      return Binary.fromString(text);
    }
    if (value instanceof LocalDate date) {
      return Math.toIntExact(date.toEpochDay());
    }
    return (Comparable<?>) value;
  }

  /**
   * Filters on the file, which DuckDB answers with the help of statistics, answer as the same
   * filters on a table copied from the whole file.
   */
  private static void assertFiltersAgreeWithACopy(String file, List<Row> rows) {
    List<String> filters =
        List.of(
            "big = 9223372036854775807",
            "big = -9223372036854775808",
            "big < -9223372036854775807",
            "big > 9223372036854775806",
            "score = 0.0",
            "score = -0.0",
            "score < 0.0",
            "score > 0.0",
            "score <= -0.0",
            "score >= 0.0",
            "score = 0.00000000000001",
            "score < -99999999999999.8",
            "score > 123456789012.344",
            "note = ''",
            "note IS NULL",
            "note = '?'",
            "note = '? alone'",
            "note >= '\uFFFF'",
            "note > 'zz'",
            "note = " + DuckDb.literal(HUGE),
            "note = " + DuckDb.literal(HUGE_NON_ASCII),
            "day = DATE '1000-01-01'",
            "day = DATE '9999-12-31'",
            "day < DATE '1000-01-02'",
            "day > DATE '9999-12-30'",
            "flag = true",
            "flag = false",
            "flag IS NULL");
    String source = "read_parquet(" + DuckDb.literal(file) + ", hive_partitioning = false)";
    StringBuilder sql = new StringBuilder("CREATE TABLE copy AS SELECT * FROM " + source + ";");
    List<String> counts = new ArrayList<>();
    for (int i = 0; i < filters.size(); i++) {
      String filter = filters.get(i);
      counts.add(
          "(SELECT count(*) FROM "
              + source
              + " WHERE "
              + filter
              + ") = (SELECT count(*) FROM copy WHERE "
              + filter
              + ") AS f"
              + i);
    }
    DuckDb.Table table = DuckDb.query(sql + "SELECT " + String.join(", ", counts));
    for (int i = 0; i < filters.size(); i++) {
      assertThat(table.rows().get(0).get(i)).as(filters.get(i)).isEqualTo(true);
    }
    assertThat(rows).isNotEmpty();
  }
}
