package io.crewexport.schema;

import java.time.LocalDate;
import java.time.Year;

/**
 * Which types a single cell's text fits, and its value once a type is chosen. The rules, stated in
 * the README: {@code yyyymmdd} numbers from year 1000 on are dates and {@code 0} means none; {@code
 * Yes}/{@code No} and {@code true}/{@code false}, in any case as {@link String#equalsIgnoreCase}
 * ignores it, are booleans; whole numbers that a long holds and that print back the same (no plus
 * sign, no leading zeros, no {@code -0}) are BIGINT; decimals such as {@code -12.50} with at most
 * 15 digits in all (so a double holds them exactly) are DOUBLE, and so are whole numbers of at most
 * 15 digits; an empty cell is null in every type; anything is TEXT.
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

  /** A {@link #fitsOf} bit: a real date, or the vendor's {@code 0} for none. */
  static final int DATE_LIKE = 1;

  /** A {@link #fitsOf} bit: a real date ({@code yyyymmdd}). */
  static final int REAL_DATE = 2;

  /** A {@link #fitsOf} bit: a boolean word. */
  static final int BOOLEAN = 4;

  /** A {@link #fitsOf} bit: a whole number that a long holds. */
  static final int BIGINT = 8;

  /**
   * A {@link #fitsOf} bit: a value of a DOUBLE column (a plain decimal, or a short whole number).
   */
  static final int DOUBLE = 16;

  /** Days in each month of a leap year, January first. */
  private static final int[] MONTH_DAYS = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

  private CellTypes() {}

  /** Whether {@code text} is a value of {@code type}; an empty text is only TEXT's. */
  public static boolean fits(String text, ColumnType type) {
    return type == ColumnType.TEXT || (!text.isEmpty() && (fitsOf(text) & bitOf(type)) != 0);
  }

  /** The {@link #fitsOf} bit of the cells that a column of {@code type} holds; 0 for TEXT. */
  static int bitOf(ColumnType type) {
    return switch (type) {
      case TEXT -> 0;
      case BIGINT -> BIGINT;
      case DOUBLE -> DOUBLE;
      case BOOLEAN -> BOOLEAN;
      case DATE -> DATE_LIKE;
    };
  }

  /**
   * Which types non-empty {@code text} fits, as {@link #DATE_LIKE}, {@link #REAL_DATE}, {@link
   * #BOOLEAN}, {@link #BIGINT} and {@link #DOUBLE} bits; 0 for text only. Inference asks this of
   * every cell of a report, so it looks at each char once.
   */
  static int fitsOf(CharSequence text) {
    char first = text.charAt(0);
    if (first != '-' && (first < '0' || first > '9')) {
      return isBoolean(text) ? BOOLEAN : 0;
    }
    int length = text.length();
    int start = first == '-' ? 1 : 0;
    int point = -1;
    // The digits' value, for a date: an int holds eight digits, and longer runs, which overflow
    // it, are no date.
    int value = 0;
    for (int i = start; i < length; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        value = value * 10 + (c - '0');
      } else if (c == '.' && point < 0) {
        point = i;
      } else {
        return 0;
      }
    }
    return point < 0 ? wholeFits(text, start, length, value) : decimalFits(text, start, point);
  }

  /** The bits of a run of digits after {@code start} (1 after a minus sign). */
  private static int wholeFits(CharSequence text, int start, int length, int value) {
    int digits = length - start;
    if (digits < 1 || digits > 19) {
      return 0;
    }
    if (text.charAt(start) == '0') {
      // Only a lone 0 prints back the same, and it is also the vendor's "no date".
      return digits == 1 && start == 0 ? DATE_LIKE | BIGINT | DOUBLE : 0;
    }
    if (digits == 19 && CharSequence.compare(text, start == 0 ? LONG_MAX : LONG_MIN) > 0) {
      return 0;
    }
    int fits = BIGINT | (digits <= DOUBLE_DIGITS ? DOUBLE : 0);
    return start == 0 && digits == 8 && isDate(value) ? fits | DATE_LIKE | REAL_DATE : fits;
  }

  /**
   * The bits of a plain decimal such as {@code -12.50}, {@code point} at its only point: digits on
   * both sides, at most 15 of them, no leading zeros before the point.
   */
  private static int decimalFits(CharSequence text, int start, int point) {
    int end = text.length();
    if (point == start || point == end - 1 || end - start - 1 > DOUBLE_DIGITS) {
      return 0;
    }
    return point - start > 1 && text.charAt(start) == '0' ? 0 : DOUBLE;
  }

  /** Whether {@code yyyymmdd}, with no leading zero, is a real date. */
  private static boolean isDate(int yyyymmdd) {
    int month = yyyymmdd / 100 % 100;
    int day = yyyymmdd % 100;
    if (month < 1 || month > 12 || day < 1 || day > MONTH_DAYS[month - 1]) {
      return false;
    }
    return month != 2 || day != 29 || Year.isLeap(yyyymmdd / 10000);
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

  private static boolean isBoolean(CharSequence text) {
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

  private static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "...";
  }
}
