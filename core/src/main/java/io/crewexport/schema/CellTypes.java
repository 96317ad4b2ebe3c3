package io.crewexport.schema;

import java.time.LocalDate;
import java.time.Month;
import java.time.Year;

/**
 * Which types a single cell's text fits, and its value once a type is chosen. The rules, stated in
 * the README: {@code yyyymmdd} numbers are dates and {@code 0} means none; {@code Yes}/{@code No}
 * and {@code true}/{@code false}, in any case, are booleans; whole numbers that a long holds,
 * without a plus sign or leading zeros, are BIGINT; decimals such as {@code -12.50} with at most 15
 * significant digits (so a double holds them exactly) are DOUBLE, and so are whole numbers of at
 * most 15 digits; an empty cell is null in every type; anything is TEXT.
 *
 * <p>The checks run on every cell of a report, so they look at chars and allocate nothing; they
 * take any {@link CharSequence}, so a reader can offer a cell without making a String of it.
 */
public final class CellTypes {
  /** The most digits a double holds exactly, whatever they are. */
  private static final int DOUBLE_DIGITS = 15;

  /** 10^0 to 10^15, each exact in a double. */
  private static final double[] POWERS_OF_TEN = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15
  };

  private static final String LONG_MAX = Long.toString(Long.MAX_VALUE);
  private static final String LONG_MIN = Long.toString(Long.MIN_VALUE);

  private CellTypes() {}

  /** Whether non-empty {@code text} is a value of {@code type}. */
  public static boolean fits(String text, ColumnType type) {
    return switch (type) {
      case TEXT -> true;
      case BIGINT -> isBigint(text);
      case DOUBLE -> isDouble(text) || isShortBigint(text);
      case BOOLEAN -> isBoolean(text);
      case DATE -> isDate(text) || isNoDate(text);
    };
  }

  /**
   * The value of {@code text} in a column of {@code type}; null for an empty cell (and for {@code
   * 0} in a DATE column).
   *
   * @throws IllegalArgumentException if {@code text} does not fit {@code type}, rather than alter
   *     it: a column's type must come from inference over its values
   */
  public static Object value(String text, ColumnType type) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    if (!fits(text, type)) {
      throw new IllegalArgumentException(
          "'" + abbreviate(text) + "' is not a " + type + " value; it needs a wider column type");
    }
    return fittingValue(text, type);
  }

  /**
   * The value of {@code text} in a column of {@code type}, for text already known to fit it (type
   * inference saw it): no check, so it must not be given anything else.
   */
  static Object fittingValue(String text, ColumnType type) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    return switch (type) {
      case TEXT -> text;
      case BIGINT -> Long.parseLong(text);
      case DOUBLE -> plainDecimal(text);
      case BOOLEAN -> isTrue(text);
      case DATE -> isNoDate(text) ? null : LocalDate.of(year(text), month(text), day(text));
    };
  }

  /**
   * The double nearest decimal {@code text}, which fits DOUBLE (at most 15 digits, no exponent),
   * the same as {@link Double#parseDouble} gives: its digits as a whole number and the power of ten
   * to divide by are both exact in a double, so the one rounding is the division's (Clinger's fast
   * path), for a fraction of the JDK's general parse.
   */
  static double plainDecimal(String text) {
    boolean negative = text.charAt(0) == '-';
    long digits = 0;
    int scale = 0;
    for (int i = negative ? 1 : 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '.') {
        scale = text.length() - i - 1;
      } else {
        digits = digits * 10 + (c - '0');
      }
    }
    double value = digits / POWERS_OF_TEN[scale];
    return negative ? -value : value;
  }

  /** Whether {@code text} is the vendor's "no date". */
  static boolean isNoDate(CharSequence text) {
    return text.length() == 1 && text.charAt(0) == '0';
  }

  /** Whether {@code text} is a real date written {@code yyyymmdd}, from year 1000 on. */
  static boolean isDate(CharSequence text) {
    if (text.length() != 8 || !digits(text, 0, 8) || text.charAt(0) == '0') {
      return false;
    }
    int month = month(text);
    int day = day(text);
    return month >= 1
        && month <= 12
        && day >= 1
        && day <= Month.of(month).length(Year.isLeap(year(text)));
  }

  static boolean isBoolean(CharSequence text) {
    return switch (text.length()) {
      case 2 -> sameIgnoringCase(text, "no");
      case 3 -> sameIgnoringCase(text, "yes");
      case 4 -> sameIgnoringCase(text, "true");
      case 5 -> sameIgnoringCase(text, "false");
      default -> false;
    };
  }

  /**
   * {@code text.equalsIgnoreCase(lower)} for a lower-case ASCII word of the same length, without
   * its per-char case folding while {@code text} is ASCII.
   */
  private static boolean sameIgnoringCase(CharSequence text, String lower) {
    for (int i = 0; i < lower.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0x80) {
        // Java folds some other letters to ASCII ones (the long s to s): let it decide.
        return text.toString().equalsIgnoreCase(lower);
      }
      if ((c | 0x20) != lower.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** A whole number that a long holds and that prints back the same (no {@code +}, {@code 007}). */
  static boolean isBigint(CharSequence text) {
    int start = text.length() > 0 && text.charAt(0) == '-' ? 1 : 0;
    int length = text.length() - start;
    if (length < 1 || length > 19 || !digits(text, start, text.length())) {
      return false;
    }
    if (text.charAt(start) == '0') {
      return length == 1 && start == 0;
    }
    return length < 19 || CharSequence.compare(text, start == 0 ? LONG_MAX : LONG_MIN) <= 0;
  }

  /**
   * A plain decimal such as {@code -12.50}: digits, a point, digits, at most 15 of them, no
   * exponent, no leading zeros before the point.
   */
  static boolean isDouble(CharSequence text) {
    int start = text.length() > 0 && text.charAt(0) == '-' ? 1 : 0;
    int point = indexOf(text, '.', start);
    int end = text.length();
    if (point <= start || point == end - 1 || end - start - 1 > DOUBLE_DIGITS) {
      return false;
    }
    if (point - start > 1 && text.charAt(start) == '0') {
      return false;
    }
    return digits(text, start, point) && digits(text, point + 1, end);
  }

  /** A whole number that a double holds exactly. */
  private static boolean isShortBigint(String text) {
    return isBigint(text) && isExactInDouble(text);
  }

  /** Whether whole number {@code text} has few enough digits for a double to hold it exactly. */
  static boolean isExactInDouble(CharSequence text) {
    return text.length() - (text.charAt(0) == '-' ? 1 : 0) <= DOUBLE_DIGITS;
  }

  private static boolean isTrue(CharSequence text) {
    return switch (text.length()) {
      case 3 -> sameIgnoringCase(text, "yes");
      case 4 -> sameIgnoringCase(text, "true");
      default -> false;
    };
  }

  private static int year(CharSequence text) {
    return number(text, 0, 4);
  }

  private static int month(CharSequence text) {
    return number(text, 4, 6);
  }

  private static int day(CharSequence text) {
    return number(text, 6, 8);
  }

  private static int number(CharSequence text, int start, int end) {
    int value = 0;
    for (int i = start; i < end; i++) {
      value = value * 10 + (text.charAt(i) - '0');
    }
    return value;
  }

  private static boolean digits(CharSequence text, int start, int end) {
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** {@code text.indexOf(c, from)}, or -1. */
  private static int indexOf(CharSequence text, char c, int from) {
    for (int i = from; i < text.length(); i++) {
      if (text.charAt(i) == c) {
        return i;
      }
    }
    return -1;
  }

  private static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "...";
  }
}
