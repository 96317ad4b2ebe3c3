package io.crewexport.sink.csv;

/** Writes doubles as CSV field text. */
final class CsvValues {
  // Outside this range a plain decimal would spell out more than 20 zeros; Java's exponent form
  // is shorter and every CSV reader we target parses it.
  private static final double SMALLEST_PLAIN = 1e-7;
  private static final double LARGEST_PLAIN = 1e21;

  private CsvValues() {}

  /**
   * A double as the shortest decimal that reads back as the same double, without exponent in the
   * usual range, and always with a decimal point so readers infer a decimal column: {@link
   * Double#toString}'s digits, as {@code BigDecimal.valueOf(number).toPlainString()} spells them.
   */
  static String formatDouble(double number) {
    double magnitude = Math.abs(number);
    String text = Double.toString(number);
    if (Double.isNaN(number)
        || Double.isInfinite(number)
        || number == 0
        || magnitude < SMALLEST_PLAIN
        || magnitude >= LARGEST_PLAIN) {
      return text;
    }
    int exponent = text.indexOf('E');
    return exponent < 0 ? text : plain(text, exponent);
  }

  /**
   * {@code text}, such as {@code -1.25E-5} or {@code 1.0E10}, without its exponent: {@code
   * -0.0000125}, {@code 10000000000.0}. Its one digit before the point and every digit after it are
   * kept, as a {@code BigDecimal} keeps its scale.
   */
  private static String plain(String text, int exponentAt) {
    boolean negative = text.charAt(0) == '-';
    int first = negative ? 1 : 0;
    String digits = text.charAt(first) + text.substring(first + 2, exponentAt);
    int exponent = Integer.parseInt(text, exponentAt + 1, text.length(), 10);
    StringBuilder plain = new StringBuilder(digits.length() + Math.abs(exponent) + 4);
    if (negative) {
      plain.append('-');
    }
    if (exponent < 0) {
      plain.append("0.").append("0".repeat(-exponent - 1)).append(digits);
    } else if (exponent + 1 < digits.length()) {
      plain
          .append(digits, 0, exponent + 1)
          .append('.')
          .append(digits, exponent + 1, digits.length());
    } else {
      plain.append(digits).append("0".repeat(exponent + 1 - digits.length())).append(".0");
    }
    return plain.toString();
  }
}
