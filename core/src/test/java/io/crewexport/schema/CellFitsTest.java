package io.crewexport.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link CellTypes#fitsOf} looks at each char once; these tests hold it to the rules written out
 * one type at a time, the way the README states them, over many texts.
 */
final class CellFitsTest {
  private static final String ALPHABET = "0123456789-.+ eyYsSnNoOtTrRuUfFaAlL\u017f";

  @Test
  void agreesWithTheRulesOnEveryShortTextOfNumberLikeChars() {
    String chars = "019-.";
    List<String> texts = new ArrayList<>();
    addAll(texts, "", chars, 5);
    for (String text : texts) {
      assertSameFits(text);
    }
    assertThat(texts).hasSizeGreaterThan(3_000);
  }

  @Test
  void agreesWithTheRulesOnRandomTexts() {
    Random random = new Random(11);
    for (int i = 0; i < 300_000; i++) {
      StringBuilder text = new StringBuilder();
      int length = 1 + random.nextInt(random.nextBoolean() ? 6 : 22);
      for (int k = 0; k < length; k++) {
        text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
      assertSameFits(text.toString());
    }
  }

  @Test
  void agreesWithTheRulesOnEveryMonthAndDayAroundTheCalendar() {
    for (int year : new int[] {999, 1000, 1900, 2000, 2023, 2024, 2100, 9999}) {
      for (int month = 0; month <= 13; month++) {
        for (int day = 0; day <= 32; day++) {
          String text = String.format("%04d%02d%02d", year, month, day);
          assertSameFits(text);
          assertSameFits("-" + text);
        }
      }
    }
  }

  @Test
  void agreesWithTheRulesAtTheEdgesOfALongAndOfADouble() {
    List<String> edges =
        List.of(
            "9223372036854775807",
            "9223372036854775808",
            "-9223372036854775808",
            "-9223372036854775809",
            "10000000000000000000",
            "999999999999999",
            "1000000000000000",
            "-999999999999999",
            "99999999999999.9",
            "999999999999999.9",
            "0.00000000000001",
            "0.000000000000001",
            "00.5",
            "-00.5",
            "-0.5",
            "0",
            "-0",
            "00",
            "yes",
            "YES",
            "ye\u017f",
            "fal\u017fe",
            "no",
            "nO",
            "true",
            "False",
            "yess");
    for (String text : edges) {
      assertSameFits(text);
    }
  }

  private static void assertSameFits(String text) {
    if (text.isEmpty()) {
      return;
    }
    assertThat(CellTypes.fitsOf(text)).as(text).isEqualTo(rules(text));
  }

  private static void addAll(List<String> texts, String prefix, String chars, int length) {
    texts.add(prefix);
    if (prefix.length() < length) {
      for (char c : chars.toCharArray()) {
        addAll(texts, prefix + c, chars, length);
      }
    }
  }

  /** The bits as the README's rules give them, each type checked on its own. */
  private static int rules(String text) {
    boolean realDate = isDate(text);
    boolean dateLike = realDate || text.equals("0");
    boolean bigint = isBigint(text);
    boolean decimal = bigint ? digitCount(text) <= 15 : isPlainDecimal(text);
    return (dateLike ? CellTypes.DATE_LIKE : 0)
        | (realDate ? CellTypes.REAL_DATE : 0)
        | (isBoolean(text) ? CellTypes.BOOLEAN : 0)
        | (bigint ? CellTypes.BIGINT : 0)
        | (decimal ? CellTypes.DOUBLE : 0);
  }

  private static boolean isDate(String text) {
    if (!text.matches("[1-9][0-9]{7}")) {
      return false;
    }
    try {
      LocalDate.of(
          Integer.parseInt(text.substring(0, 4)),
          Integer.parseInt(text.substring(4, 6)),
          Integer.parseInt(text.substring(6)));
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }

  private static boolean isBigint(String text) {
    if (!text.matches("-?[0-9]+")) {
      return false;
    }
    try {
      return Long.toString(Long.parseLong(text)).equals(text);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static boolean isPlainDecimal(String text) {
    return text.matches("-?(0|[1-9][0-9]*)\\.[0-9]+") && digitCount(text) <= 15;
  }

  private static int digitCount(String text) {
    return text.replaceAll("[^0-9]", "").length();
  }

  private static boolean isBoolean(String text) {
    return List.of("yes", "no", "true", "false").stream().anyMatch(text::equalsIgnoreCase);
  }
}
