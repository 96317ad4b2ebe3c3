package io.crewexport.sink.parquet.encoding;

import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.statistics.Statistics;

/**
 * A column of decimals: {@code DOUBLE}. The page's smallest and largest value follow {@link
 * Double#compare}, the order parquet-java's statistics use, -0.0 before +0.0; NaN is counted apart
 * and left out of them, as parquet-java leaves it out. The dictionary is keyed on the raw bits, so
 * -0.0 and +0.0 stay distinct values.
 */
final class DoubleColumn extends FixedWidthColumn {
  private double min;
  private double max;
  private boolean hasNumber;
  private int nans;

  DoubleColumn(ColumnDescriptor column, int maxDictionaryBytes) {
    super(column, maxDictionaryBytes, Double.BYTES);
  }

  void write(double value) {
    if (Double.isNaN(value)) {
      nans++;
    } else if (!hasNumber) {
      hasNumber = true;
      min = value;
      max = value;
    } else if (Double.compare(value, min) < 0) {
      min = value;
    } else if (Double.compare(value, max) > 0) {
      max = value;
    }
    add(Double.doubleToRawLongBits(value));
  }

  @Override
  void clearPageStatistics() {
    hasNumber = false;
    nans = 0;
  }

  /**
   * Hands the two extremes and each NaN to parquet-java's own statistics, which then apply their
   * rules to them as they would to every value: a NaN is counted, and changes no extreme.
   */
  @Override
  void addMinMax(Statistics<?> statistics) {
    if (hasNumber) {
      statistics.updateStats(min);
      statistics.updateStats(max);
    }
    for (int i = 0; i < nans; i++) {
      statistics.updateStats(Double.NaN);
    }
  }
}
