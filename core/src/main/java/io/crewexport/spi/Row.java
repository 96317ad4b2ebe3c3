package io.crewexport.spi;

import io.crewexport.schema.Column;
import io.crewexport.schema.ReportSchema;
import java.util.Arrays;

/**
 * One row of a report, its values typed by the schema: for a column of type {@code t}, a value is
 * {@code null} or an instance of {@code t.valueClass()}.
 *
 * <p>A row is immutable once handed to a sink, so a sink may keep it.
 */
public final class Row {
  private final Object[] values;
  private final ReportSchema fitted;

  private Row(Object[] values, ReportSchema fitted) {
    this.values = values;
    this.fitted = fitted;
  }

  /** A row holding {@code values}; the array is taken over, not copied, and must not change. */
  public static Row wrap(Object[] values) {
    return new Row(values, null);
  }

  /**
   * A row holding {@code values} that were made for {@code schema}, one per column and each of its
   * column's type, such as a {@link io.crewexport.schema.RowConverter}'s: a {@link RowCheck} of the
   * same schema lets it through without looking at each value. Nothing is checked here, so a row
   * made this way from anything else fails later, in the sink, without naming the column.
   */
  public static Row wrapFitting(ReportSchema schema, Object[] values) {
    return new Row(values, schema);
  }

  /** A row holding a copy of {@code values}. */
  public static Row of(Object... values) {
    return new Row(values.clone(), null);
  }

  /** Whether this row was made for exactly {@code schema} with {@link #wrapFitting}. */
  boolean madeFor(ReportSchema schema) {
    return fitted == schema;
  }

  /** The number of values. */
  public int size() {
    return values.length;
  }

  /** The value at {@code index}, or {@code null}. */
  public Object get(int index) {
    return values[index];
  }

  /**
   * Throws unless this row has one value per column of {@code schema}, each {@code null} or of its
   * column's type, so a caller's mistake fails with a message naming the column.
   *
   * @throws IllegalArgumentException naming the column that does not fit
   */
  public void requireFits(ReportSchema schema) {
    if (values.length != schema.size()) {
      throw new IllegalArgumentException(
          "a row has "
              + values.length
              + " values but the report has "
              + schema.size()
              + " columns");
    }
    for (int i = 0; i < values.length; i++) {
      Column column = schema.column(i);
      if (values[i] != null && !column.type().valueClass().isInstance(values[i])) {
        throw new IllegalArgumentException(
            "column "
                + column.name()
                + " is "
                + column.type()
                + " but the row holds a "
                + values[i].getClass().getName()
                + " there");
      }
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Row row && Arrays.equals(values, row.values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "Row" + Arrays.toString(values);
  }
}
