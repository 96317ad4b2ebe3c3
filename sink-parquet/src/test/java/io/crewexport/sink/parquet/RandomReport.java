package io.crewexport.sink.parquet;

import io.crewexport.schema.Column;
import io.crewexport.schema.ColumnType;
import io.crewexport.schema.ReportSchema;
import io.crewexport.spi.Row;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A report drawn from a seed: 1 to 8 columns of random types, each with its own share of nulls
 * (from none to all), run length of nulls and number of distinct values (from a few to all
 * distinct), and a random row group size, so the pages, dictionaries and fallbacks land differently
 * per seed.
 */
record RandomReport(ReportSchema schema, List<Row> rows, long rowGroupBytes) {
  private static final double[] NULL_SHARES = {0, 0.05, 0.5, 0.95, 1};
  private static final int[] DISTINCT = {1, 3, 300, 70_000, Integer.MAX_VALUE};
  private static final String ALPHABET = "abcxyzé日😀 0-";

  static RandomReport of(long seed) {
    Random random = new Random(seed);
    int columnCount = 1 + random.nextInt(8);
    List<Column> columns = new ArrayList<>();
    List<ColumnDraw> draws = new ArrayList<>();
    for (int i = 0; i < columnCount; i++) {
      ColumnType type = ColumnType.values()[random.nextInt(ColumnType.values().length)];
      columns.add(new Column("Column " + i, "c" + i, type));
      draws.add(
          new ColumnDraw(
              type,
              NULL_SHARES[random.nextInt(NULL_SHARES.length)],
              1 + random.nextInt(random.nextBoolean() ? 2 : 40),
              DISTINCT[random.nextInt(DISTINCT.length)],
              random.nextInt(120)));
    }
    int rowCount = 1 + random.nextInt(random.nextBoolean() ? 300 : 60_000);
    List<Row> rows = new ArrayList<>(rowCount);
    boolean[] inNullRun = new boolean[columnCount];
    for (int r = 0; r < rowCount; r++) {
      Object[] values = new Object[columnCount];
      for (int c = 0; c < columnCount; c++) {
        ColumnDraw draw = draws.get(c);
        if (r % draw.nullRun() == 0) {
          inNullRun[c] = random.nextDouble() < draw.nullShare();
        }
        values[c] = inNullRun[c] ? null : draw.value(random);
      }
      rows.add(Row.wrap(values));
    }
    long rowGroupBytes =
        random.nextBoolean() ? 64L * 1024 * 1024 : 100_000 + random.nextInt(900_000);
    return new RandomReport(new ReportSchema(columns), rows, rowGroupBytes);
  }

  /**
   * How one column's values are drawn.
   *
   * @param nullRun rows between two draws of null or not, so nulls come in runs of this length
   * @param distinct how many distinct values the column draws from
   * @param maxTextLength the longest text drawn
   */
  private record ColumnDraw(
      ColumnType type, double nullShare, int nullRun, int distinct, int maxTextLength) {
    Object value(Random random) {
      long pick = distinct == Integer.MAX_VALUE ? random.nextLong() : random.nextInt(distinct);
      return switch (type) {
        case TEXT -> text(new Random(pick), maxTextLength);
        case BIGINT -> distinct == Integer.MAX_VALUE ? pick : pick * 1_000_000_007L - 5;
        case DOUBLE -> pick % 2 == 0 ? pick / 8.0 : -pick * 0.1;
        case BOOLEAN -> pick % 2 == 0;
        case DATE -> LocalDate.ofEpochDay(Math.floorMod(pick, 3_000_000) - 700_000);
      };
    }

    /** The same text for the same pick, so {@code distinct} bounds the distinct texts. */
    private static String text(Random random, int maxLength) {
      int length = random.nextInt(maxLength + 1);
      StringBuilder text = new StringBuilder(length);
      for (int i = 0; i < length; i++) {
        text.appendCodePoint(
            ALPHABET.codePointAt(
                ALPHABET.offsetByCodePoints(
                    0, random.nextInt(ALPHABET.codePointCount(0, ALPHABET.length())))));
      }
      return text.toString();
    }
  }
}
