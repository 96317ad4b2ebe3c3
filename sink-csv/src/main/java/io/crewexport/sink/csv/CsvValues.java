package io.crewexport.sink.csv;

import java.math.BigDecimal;

/** Writes typed row values as CSV field text. */
final class CsvValues {
  // Outside this range a plain decimal would spell out more than 20 zeros; Java's exponent form
  // is shorter and every CSV reader we target parses it.
  private static final double SMALLEST_PLAIN = 1e-7;
  private static final double LARGEST_PLAIN = 1e21;

  private CsvValues() {}

  /**
   * The field text of {@code value}, or {@code null} for a missing value. Texts are kept as they
   * are, dates are ISO ({@code 2024-01-31}), booleans {@code true}/{@code false}.
   */
  static String format(Object value) {
    if (value instanceof Double number) {
      return formatDouble(number);
    }
    return value == null ? null : value.toString();
  }

  /**
   * A double as the shortest decimal that reads back as the same double, without exponent in the
   * usual range, and always with a decimal point so readers infer a decimal column.
   */
  static String formatDouble(double number) {
    double magnitude = Math.abs(number);
    if (Double.isNaN(number)
        || Double.isInfinite(number)
        || number == 0
        || magnitude < SMALLEST_PLAIN
        || magnitude >= LARGEST_PLAIN) {
      return Double.toString(number);
    }
    String plain = BigDecimal.valueOf(number).toPlainString();
    return plain.indexOf('.') < 0 ? plain + ".0" : plain;
  }
}
