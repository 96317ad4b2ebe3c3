package io.crewexport.sink.parquet.encoding;

import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.statistics.Statistics;

/**
 * A column of signed whole numbers: {@code INT64}, or {@code INT32} for dates (days since
 * 1970-01-01 with the {@code DATE} annotation, so dates before 1970 sort first).
 */
final class IntegerColumn extends FixedWidthColumn {
  private final boolean int32;
  private long min;
  private long max;

  /** A column of {@code width}-byte numbers: 4 for {@code INT32}, 8 for {@code INT64}. */
  IntegerColumn(ColumnDescriptor column, int maxDictionaryBytes, int width) {
    super(column, maxDictionaryBytes, width);
    this.int32 = width == Integer.BYTES;
  }

  /** Appends {@code value}, which must fit the column's width. */
  void write(long value) {
    min = Math.min(min, value);
    max = Math.max(max, value);
    add(value);
  }

  @Override
  void clearPageStatistics() {
    min = Long.MAX_VALUE;
    max = Long.MIN_VALUE;
  }

  @Override
  void addMinMax(Statistics<?> statistics) {
    if (int32) {
      statistics.updateStats((int) min);
      statistics.updateStats((int) max);
    } else {
      statistics.updateStats(min);
      statistics.updateStats(max);
    }
  }
}
