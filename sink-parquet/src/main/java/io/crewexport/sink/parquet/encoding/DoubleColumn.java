package io.crewexport.sink.parquet.encoding;

import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.statistics.Statistics;

/**
 * A column of decimals: {@code DOUBLE}. The page's smallest and largest value follow {@link
 * Double#compare}, the order parquet-java's statistics use: -0.0 before +0.0, NaN after everything.
 * The dictionary is keyed on the raw bits, so -0.0 and +0.0 stay distinct values.
 */
final class DoubleColumn extends FixedWidthColumn {
  private double min;
  private double max;

  DoubleColumn(ColumnDescriptor column, int maxDictionaryBytes) {
    super(column, maxDictionaryBytes, Double.BYTES);
  }

  void write(double value) {
    if (Double.compare(value, min) < 0) {
      min = value;
    }
    if (Double.compare(value, max) > 0) {
      max = value;
    }
    add(Double.doubleToRawLongBits(value));
  }

  /** NaN is above every value and -Infinity below, so the first value replaces both. */
  @Override
  void clearPageStatistics() {
    min = Double.NaN;
    max = Double.NEGATIVE_INFINITY;
  }

  /**
   * Hands the two extremes to parquet-java's own statistics, which then apply their rules to them
   * as they would to every value.
   */
  @Override
  void addMinMax(Statistics<?> statistics) {
    statistics.updateStats(min);
    statistics.updateStats(max);
  }
}
