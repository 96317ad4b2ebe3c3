package io.crewexport.schema;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Which types a single cell's text fits, and its value once a type is chosen. The rules, stated in
 * the README: {@code yyyymmdd} numbers are dates and {@code 0} means none; {@code Yes}/{@code No}
 * and {@code true}/{@code false} are booleans; whole numbers without leading zeros are BIGINT;
 * decimals are DOUBLE; an empty cell is null in every type.
 */
public final class CellTypes {
  private CellTypes() {}

  /** Whether {@code text} is the vendor's "no date". */
  static boolean isNoDate(String text) {
    return text.equals("0");
  }

  /** Whether {@code text} is a real date written {@code yyyymmdd}. */
  static boolean isDate(String text) {
    return text.length() == 8 && allDigits(text) && text.charAt(0) != '0' && toDate(text) != null;
  }

  static boolean isBoolean(String text) {
    return text.equalsIgnoreCase("yes")
        || text.equalsIgnoreCase("no")
        || text.equalsIgnoreCase("true")
        || text.equalsIgnoreCase("false");
  }

  /**
   * A whole number that a long holds and that prints back the same (no {@code +}, no {@code 007}).
   */
  static boolean isBigint(String text) {
    int start = text.startsWith("-") ? 1 : 0;
    int digits = text.length() - start;
    if (digits < 1 || digits > 19 || !allDigits(text.substring(start))) {
      return false;
    }
    if (digits > 1 && text.charAt(start) == '0') {
      return false;
    }
    try {
      return Long.toString(Long.parseLong(text)).equals(text);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /**
   * A plain decimal such as {@code -12.50} that a double holds exactly enough (at most 15
   * significant digits, no exponent, no leading zeros before the point).
   */
  static boolean isDouble(String text) {
    int start = text.startsWith("-") ? 1 : 0;
    int point = text.indexOf('.');
    if (point <= start || point == text.length() - 1) {
      return false;
    }
    String whole = text.substring(start, point);
    String fraction = text.substring(point + 1);
    if (!allDigits(whole)
        || !allDigits(fraction)
        || (whole.length() > 1 && whole.charAt(0) == '0')) {
      return false;
    }
    return whole.length() + fraction.length() <= 15;
  }

  /** The value of {@code text} in a column of {@code type}; null for an empty cell. */
  public static Object value(String text, ColumnType type) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    return switch (type) {
      case TEXT -> text;
      case BIGINT -> Long.parseLong(text);
      case DOUBLE -> Double.parseDouble(text);
      case BOOLEAN -> text.equalsIgnoreCase("yes") || text.equalsIgnoreCase("true");
      case DATE -> isNoDate(text) ? null : toDate(text);
    };
  }

  private static LocalDate toDate(String text) {
    try {
      return LocalDate.of(
          Integer.parseInt(text.substring(0, 4)),
          Integer.parseInt(text.substring(4, 6)),
          Integer.parseInt(text.substring(6, 8)));
    } catch (DateTimeException | NumberFormatException e) {
      return null;
    }
  }

  private static boolean allDigits(String text) {
    if (text.isEmpty()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
