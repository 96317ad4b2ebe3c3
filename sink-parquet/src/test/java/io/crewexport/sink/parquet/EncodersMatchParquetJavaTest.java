package io.crewexport.sink.parquet;

import static io.crewexport.schema.ColumnType.BIGINT;
import static io.crewexport.schema.ColumnType.BOOLEAN;
import static io.crewexport.schema.ColumnType.DATE;
import static io.crewexport.schema.ColumnType.DOUBLE;
import static io.crewexport.schema.ColumnType.TEXT;
import static org.assertj.core.api.Assertions.assertThat;

import io.crewexport.schema.Column;
import io.crewexport.schema.ColumnType;
import io.crewexport.schema.ReportSchema;
import io.crewexport.spi.Row;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our encoders write files that mean what parquet-java's column writers would have written from the
 * same rows: see {@link TwinFiles}. Each case also checks that it reached the path it names.
 */
final class EncodersMatchParquetJavaTest {
  private static final long ONE_ROW_GROUP = ParquetOptions.DEFAULT_ROW_GROUP_BYTES;

  @TempDir Path folder;

  @Test
  void allNullColumnsAndAllNullPages() throws IOException {
    ReportSchema schema = schema(BIGINT, TEXT, DOUBLE, DATE, BOOLEAN);
    List<Row> rows =
        rows(
            60_000,
            i ->
                Row.of(
                    null,
                    i < 45_000 ? null : "late " + i % 10,
                    i / 20_000 % 2 == 0 ? null : i / 7.0,
                    null,
                    i >= 59_000 ? true : null));

    ParquetFacts facts = twins().assertSame(schema, rows, ONE_ROW_GROUP);

    assertThat(chunk(facts, 0, 0).statistics()).isEqualTo("nulls 60000");
    assertThat(chunk(facts, 0, 1).columnIndex()).contains("nullPages [true, true, false]");
    assertThat(chunk(facts, 0, 2).columnIndex()).contains("nullPages [true, false, true]");
  }

  @Test
  void givesUpTheDictionaryMidChunkWhenItOutgrowsItsPage() throws IOException {
    ReportSchema schema = schema(TEXT, BIGINT, DOUBLE);
    List<Row> rows =
        rows(
            170_000,
            i ->
                i < 30_000
                    ? Row.of("team " + i % 50, (long) (i % 7), i % 3 / 4.0)
                    : Row.of("unique " + i + "-".repeat(60), i * 1_000_003L, i * 1.5));

    ParquetFacts facts = twins().assertSame(schema, rows, ONE_ROW_GROUP);

    for (int column = 0; column < 3; column++) {
      ParquetFacts.Chunk chunk = chunk(facts, 0, column);
      // The footer's encodings are a hash set of enums: PLAIN may come anywhere in the list.
      assertThat(chunk.encodings()).contains("PLAIN_DICTIONARY").containsPattern("\\bPLAIN\\b");
      assertThat(chunk.dictionaryPage()).isTrue();
    }
  }

  @Test
  void givesUpTheDictionaryWhenTheFirstPageDoesNotPayOff() throws IOException {
    ReportSchema schema = schema(DATE, TEXT);
    List<Row> rows =
        rows(40_000, i -> Row.of(LocalDate.ofEpochDay(i - 20_000), "x" + i * 7919L % 100_003));

    ParquetFacts facts = twins().assertSame(schema, rows, ONE_ROW_GROUP);

    for (int column = 0; column < 2; column++) {
      assertThat(chunk(facts, 0, column).encodings()).doesNotContain("DICTIONARY");
      assertThat(chunk(facts, 0, column).dictionaryPage()).isFalse();
    }
  }

  @Test
  void cutsPagesByRowCountAndBySize() throws IOException {
    ReportSchema schema = schema(BOOLEAN, TEXT);
    List<Row> rows = rows(50_000, i -> Row.of(i % 3 == 0, "text " + i + "x".repeat(i % 600)));

    ParquetFacts facts = twins().assertSame(schema, rows, ONE_ROW_GROUP);

    assertThat(chunk(facts, 0, 0).pageFirstRows()).containsExactly(0L, 20_000L, 40_000L);
    assertThat(chunk(facts, 0, 1).pageFirstRows()).hasSizeGreaterThan(10);
  }

  @Test
  void holdsACellBiggerThanAPage() throws IOException {
    ReportSchema schema = schema(TEXT, BIGINT);
    String huge = "é".repeat(1_300_000);
    List<Row> rows = rows(25_000, i -> Row.of(i == 150 ? huge : "small " + i % 5, (long) i));

    ParquetFacts facts = twins().assertSame(schema, rows, ONE_ROW_GROUP);

    assertThat(chunk(facts, 0, 0).pageFirstRows()).hasSizeGreaterThan(1);
  }

  @Test
  void writesASingleRow() throws IOException {
    ReportSchema schema = schema(TEXT, BIGINT, DOUBLE, BOOLEAN, DATE, TEXT);
    List<Row> rows = List.of(Row.of("only", 42L, 4.2, false, LocalDate.of(2024, 2, 29), null));

    twins().assertSame(schema, rows, ONE_ROW_GROUP);
  }

  @Test
  void writesSeveralRowGroups() throws IOException {
    ReportSchema schema = schema(BIGINT, TEXT, DOUBLE, BOOLEAN, DATE);
    List<Row> rows =
        rows(
            30_000,
            i ->
                Row.of(
                    (long) i,
                    "name " + i % 900,
                    i % 4 == 0 ? null : i / 3.0,
                    i % 2 == 0,
                    LocalDate.ofEpochDay(i % 400)));

    ParquetFacts facts = twins().assertSame(schema, rows, 100_000);

    assertThat(facts.rowGroups()).hasSizeGreaterThan(3);
  }

  @Test
  void keepsNonAsciiAndFourByteUtf8AndOrdersItAsParquetDoes() throws IOException {
    ReportSchema schema = schema(TEXT);
    List<String> texts =
        List.of(
            "zebra",
            "émile",
            "Ünïcödé",
            "日本語",
            "emoji 😀",
            "𝄞 clef",
            "",
            "a",
            "\uD800 alone",
            "end \uDC00",
            "\uFFFF",
            "Ω",
            "z\u0000z");
    List<Row> rows = rows(5_000, i -> Row.of(texts.get(i % texts.size())));

    ParquetFacts facts = twins().assertSame(schema, rows, ONE_ROW_GROUP);

    // Unsigned bytes: "" is the lowest, and 4-byte sequences (F0...) sort above U+FFFF (EF BF BF).
    assertThat(chunk(facts, 0, 0).statistics()).endsWith(" min  max f09d849e20636c6566");
  }

  @Test
  void keepsExtremeNumbersNegativeZeroAndDatesFarFrom1970() throws IOException {
    ReportSchema schema = schema(BIGINT, DOUBLE, DATE, DOUBLE);
    List<Object[]> values =
        List.of(
            new Object[] {Long.MIN_VALUE, -0.0, LocalDate.of(1, 1, 1), 0.0},
            new Object[] {Long.MAX_VALUE, 0.0, LocalDate.of(9999, 12, 31), -0.0},
            new Object[] {0L, -Double.MAX_VALUE, LocalDate.of(1900, 2, 28), -0.0},
            new Object[] {-1L, Double.MIN_VALUE, LocalDate.of(1969, 12, 31), 0.0},
            new Object[] {1L, 1e308, LocalDate.of(1970, 1, 1), -0.0});
    List<Row> rows = rows(1_000, i -> Row.of(values.get(i % values.size())));

    ParquetFacts facts = twins().assertSame(schema, rows, ONE_ROW_GROUP);

    assertThat(chunk(facts, 0, 0).statistics())
        .isEqualTo("nulls 0 min 0000000000000080 max ffffffffffffff7f");
  }

  @Test
  void leavesNanOutOfTheExtremesAsParquetJavaDoes() throws IOException {
    // A Row handed to the sink by code of one's own may hold NaN; inferred doubles never do.
    double[] values = {1.5, Double.NaN, 3.0, -2.0, Double.NaN, Double.POSITIVE_INFINITY};
    List<Row> rows =
        rows(
            30_000,
            i ->
                Row.of(
                    values[i % values.length],
                    i < 20_000 ? Double.NaN : (double) i,
                    i % 7 == 0 ? null : Double.NaN));

    ParquetFacts facts = twins().assertSame(schema(DOUBLE, DOUBLE, DOUBLE), rows, ONE_ROW_GROUP);

    assertThat(chunk(facts, 0, 0).statistics()).contains("min 00000000000000c0");
  }

  @Test
  void encodesRunsAndAlternationsOfNulls() throws IOException {
    ReportSchema schema = schema(TEXT, BIGINT, BOOLEAN, DOUBLE, DATE);
    List<Row> rows =
        rows(
            25_000,
            i ->
                Row.of(
                    i % 2 == 0 ? null : "odd",
                    i % 17 < 8 ? null : (long) i % 9,
                    i / 7 % 2 == 0 ? null : i % 5 == 0,
                    i / 505 % 2 == 0 ? null : 1.25,
                    i % 1_000 < 9 ? LocalDate.ofEpochDay(i % 3) : null));

    twins().assertSame(schema, rows, ONE_ROW_GROUP);
  }

  /** The mix the sink's pages were once compared on byte for byte with parquet-avro's. */
  @Test
  void matchesOnAMixOfEveryTypeFillingPagesAtDifferentPaces() throws IOException {
    ReportSchema schema = schema(BIGINT, TEXT, TEXT, TEXT, DOUBLE, BOOLEAN, DATE, TEXT);
    Random random = new Random(7);
    List<Row> rows =
        rows(
            60_000,
            i ->
                Row.of(
                    (long) i,
                    "person" + random.nextInt(1_000_000) + "@example.com",
                    "team " + random.nextInt(40),
                    random.nextInt(10) == 0 ? "note " + "x".repeat(random.nextInt(200)) : null,
                    random.nextBoolean() ? random.nextDouble() * 100 : null,
                    random.nextInt(3) == 0 ? null : random.nextBoolean(),
                    random.nextInt(4) == 0 ? null : LocalDate.ofEpochDay(random.nextInt(20_000)),
                    random.nextInt(5) == 0 ? "ünïcödé " + random.nextLong() : ""));

    twins().assertSame(schema, rows, ONE_ROW_GROUP);
  }

  @Test
  void matchesOnSeededRandomReports() throws IOException {
    for (long seed = 1; seed <= 6; seed++) {
      RandomReport report = RandomReport.of(seed);
      Path case_ = folder.resolve("seed-" + seed);
      java.nio.file.Files.createDirectories(case_);

      new TwinFiles(case_).assertSame(report.schema(), report.rows(), report.rowGroupBytes());
    }
  }

  private TwinFiles twins() {
    return new TwinFiles(folder);
  }

  private static ReportSchema schema(ColumnType... types) {
    List<Column> columns = new ArrayList<>();
    for (int i = 0; i < types.length; i++) {
      columns.add(new Column("Column " + i, "c" + i, types[i]));
    }
    return new ReportSchema(columns);
  }

  private static List<Row> rows(int count, IntFunction<Row> row) {
    return IntStream.range(0, count).mapToObj(row).toList();
  }

  private static ParquetFacts.Chunk chunk(ParquetFacts facts, int rowGroup, int column) {
    return facts.rowGroups().get(rowGroup).chunks().get(column);
  }
}
