package io.crewexport.spi.files;

import io.crewexport.schema.Column;
import io.crewexport.schema.ColumnType;
import io.crewexport.schema.ReportSchema;
import io.crewexport.spi.Row;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * Converts the rows of a file written with an earlier, narrower schema of a report to its current
 * schema, whose types only widen ({@link ColumnType#holds}) and which may have more columns.
 *
 * <p>Values convert as follows: a BIGINT to DOUBLE numerically; to TEXT, a BIGINT or DOUBLE as its
 * plain decimal text ({@code 42}, {@code 2.5}; a DOUBLE always with a decimal point), a BOOLEAN as
 * {@code true}/{@code false}, a DATE as ISO {@code yyyy-mm-dd}. The vendor's own spelling of a
 * value typed DATE earlier, such as {@code 20240131}, is not recoverable: the rewritten text is
 * {@code 2024-01-31}, and a {@code 0}, which meant no date, had already become null. A column the
 * file lacks is null in every row.
 */
public final class Widening {
  private final int[] sourceIndex;
  private final ColumnType[] from;
  private final ColumnType[] to;

  private Widening(ReportSchema stored, ReportSchema wider) {
    Map<String, Integer> storedIndex = new HashMap<>();
    for (int i = 0; i < stored.size(); i++) {
      storedIndex.put(stored.column(i).name(), i);
    }
    sourceIndex = new int[wider.size()];
    from = new ColumnType[wider.size()];
    to = new ColumnType[wider.size()];
    for (int i = 0; i < wider.size(); i++) {
      Column column = wider.column(i);
      Integer source = storedIndex.get(column.name());
      sourceIndex[i] = source == null ? -1 : source;
      from[i] = source == null ? column.type() : stored.column(source).type();
      to[i] = column.type();
    }
  }

  /**
   * The conversion from {@code stored} to {@code wider}, or null if a file of {@code stored} needs
   * no rewrite (same columns, same types, same order) or cannot be rewritten without losing data (a
   * column {@code wider} lacks, or a type it does not hold): such a file is left as it is.
   */
  public static Widening between(ReportSchema stored, ReportSchema wider) {
    if (stored.names().equals(wider.names()) && sameTypes(stored, wider)) {
      return null;
    }
    Map<String, ColumnType> widerTypes = new HashMap<>();
    wider.columns().forEach(column -> widerTypes.put(column.name(), column.type()));
    for (Column column : stored.columns()) {
      ColumnType type = widerTypes.get(column.name());
      if (type == null || !type.holds(column.type())) {
        return null;
      }
    }
    return new Widening(stored, wider);
  }

  /** {@code row}, typed by the stored schema, as a row of the wider schema. */
  public Row apply(Row row) {
    Object[] values = new Object[sourceIndex.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = sourceIndex[i] < 0 ? null : convert(row.get(sourceIndex[i]), from[i], to[i]);
    }
    return Row.wrap(values);
  }

  /** {@code value}, of type {@code from}, as a value of {@code to}, which holds {@code from}. */
  public static Object convert(Object value, ColumnType from, ColumnType to) {
    if (value == null || from == to) {
      return value;
    }
    if (to == ColumnType.DOUBLE) {
      return ((Long) value).doubleValue();
    }
    return switch (from) {
      case DOUBLE -> plainDecimal((Double) value);
      case DATE -> ((LocalDate) value).toString();
      default -> value.toString();
    };
  }

  private static String plainDecimal(double number) {
    if (Double.isNaN(number) || Double.isInfinite(number)) {
      return Double.toString(number);
    }
    String plain = BigDecimal.valueOf(number).toPlainString();
    return plain.indexOf('.') < 0 ? plain + ".0" : plain;
  }

  private static boolean sameTypes(ReportSchema stored, ReportSchema wider) {
    for (int i = 0; i < stored.size(); i++) {
      if (stored.column(i).type() != wider.column(i).type()) {
        return false;
      }
    }
    return true;
  }
}
