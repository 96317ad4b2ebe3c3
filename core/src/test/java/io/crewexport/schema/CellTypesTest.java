package io.crewexport.schema;

import static io.crewexport.schema.ColumnType.BIGINT;
import static io.crewexport.schema.ColumnType.BOOLEAN;
import static io.crewexport.schema.ColumnType.DATE;
import static io.crewexport.schema.ColumnType.DOUBLE;
import static io.crewexport.schema.ColumnType.TEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

final class CellTypesTest {

  @Test
  void convertsDecimalsToTheVeryDoubleTheJdkParses() {
    Random random = new Random(8);
    List<String> decimals =
        new ArrayList<>(
            List.of(
                "0",
                "-0.0",
                "0.000",
                "-12.50",
                "999999999999999",
                "-0.00000000000001",
                "123456789012.345",
                "0.1",
                "0.3",
                "9007199254740.99"));
    for (int i = 0; i < 200_000; i++) {
      int digits = 1 + random.nextInt(15);
      StringBuilder text = new StringBuilder(random.nextBoolean() ? "-" : "");
      long whole = (long) (random.nextDouble() * Math.pow(10, digits));
      text.append(whole);
      int fraction = random.nextInt(16);
      if (fraction > 0) {
        text.insert(Math.max(text.length() - fraction, text.charAt(0) == '-' ? 1 : 0), ".");
      }
      decimals.add(text.toString());
    }
    int checked = 0;
    for (String decimal : decimals) {
      checked += convertsAsTheJdkIfDouble(decimal) ? 1 : 0;
    }
    assertThat(checked).isGreaterThan(90_000);
  }

  @Test
  void convertsDecimalsNearPowersOfTenAndWithLeadingZerosToTheDoubleTheJdkParses() {
    // Every split of every such run of up to 15 digits into whole and fraction, signed or not:
    // 10^k - 1, 10^k, 10^k + 1, 5 * 10^k and runs of zeros after the point.
    List<String> runs = new ArrayList<>();
    for (int digits = 1; digits <= 15; digits++) {
      runs.add("9".repeat(digits));
      runs.add("1" + "0".repeat(digits - 1));
      runs.add(digits == 1 ? "2" : "1" + "0".repeat(digits - 2) + "1");
      runs.add("5" + "0".repeat(digits - 1));
      runs.add("0".repeat(digits - 1) + "7");
      runs.add("0".repeat(digits - 1) + "1");
    }
    int checked = 0;
    for (String run : runs) {
      for (int point = 0; point <= run.length(); point++) {
        String whole = point == 0 ? "0" : run.substring(0, point);
        String text = point == run.length() ? whole : whole + "." + run.substring(point);
        for (String decimal : new String[] {text, "-" + text}) {
          checked += convertsAsTheJdkIfDouble(decimal) ? 1 : 0;
        }
      }
    }
    assertThat(checked).isGreaterThan(500);
  }

  /** Whether {@code decimal} fits DOUBLE, after checking that it converts to the JDK's double. */
  private static boolean convertsAsTheJdkIfDouble(String decimal) {
    if (!CellTypes.fits(decimal, DOUBLE)) {
      return false;
    }
    assertThat(Double.doubleToRawLongBits((Double) CellTypes.value(decimal, DOUBLE)))
        .as(decimal)
        .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(decimal)));
    return true;
  }

  @Test
  void acceptsOnlyRealYyyymmddDatesAndZero() {
    assertThat(CellTypes.fits("20240229", DATE)).isTrue();
    assertThat(CellTypes.fits("19991231", DATE)).isTrue();
    assertThat(CellTypes.fits("0", DATE)).isTrue();
    for (String notADate :
        new String[] {
          "20230229", "20241301", "20240100", "20240431", "00010101", "2024013", "00"
        }) {
      assertThat(CellTypes.fits(notADate, DATE)).as(notADate).isFalse();
    }
    assertThat(CellTypes.fits("2024-01-31", DATE)).isFalse();
  }

  @Test
  void acceptsYesNoTrueFalseInAnyCase() {
    for (String yes : new String[] {"Yes", "no", "TRUE", "False"}) {
      assertThat(CellTypes.fits(yes, BOOLEAN)).as(yes).isTrue();
    }
    for (String no : new String[] {"Y", "1", "0", "yes!", "nope", "y9s", "Y@S", "tru\u00e9"}) {
      assertThat(CellTypes.fits(no, BOOLEAN)).as(no).isFalse();
    }
  }

  @Test
  void foldsCaseExactlyAsJavaDoesBeyondAscii() {
    // Java folds the long s to s, so "ye\u017f" equals "yes" ignoring case: kept as it was.
    assertThat(CellTypes.fits("ye\u017f", BOOLEAN)).isTrue();
    assertThat(CellTypes.value("ye\u017f", BOOLEAN)).isEqualTo(true);
    assertThat(CellTypes.fittingValue("FAL\u017fE", BOOLEAN)).isEqualTo(false);
    assertThat(CellTypes.fittingValue("tRuE", BOOLEAN)).isEqualTo(true);
    assertThat(CellTypes.fittingValue("No", BOOLEAN)).isEqualTo(false);
  }

  @Test
  void aFittingValueEqualsTheCheckedOne() {
    String[][] cells = {
      {"20240229", "0"},
      {"Yes", "false"},
      {"-7", "9223372036854775807"},
      {"-12.50", "42"},
      {"a", ""}
    };
    ColumnType[] types = {DATE, BOOLEAN, BIGINT, DOUBLE, TEXT};
    for (int i = 0; i < types.length; i++) {
      for (String cell : cells[i]) {
        assertThat(CellTypes.fittingValue(cell, types[i]))
            .as(cell)
            .isEqualTo(CellTypes.value(cell, types[i]));
      }
    }
  }

  @Test
  void acceptsWholeNumbersThatALongHoldsAndPrintsTheSame() {
    for (String whole : new String[] {"0", "-7", "9223372036854775807", "-9223372036854775808"}) {
      assertThat(CellTypes.fits(whole, BIGINT)).as(whole).isTrue();
    }
    for (String not :
        new String[] {
          "9223372036854775808", "-9223372036854775809", "007", "-0", "+1", "-", "1.0", " 1", "١"
        }) {
      assertThat(CellTypes.fits(not, BIGINT)).as(not).isFalse();
    }
  }

  @Test
  void acceptsDecimalsAndWholeNumbersThatADoubleHoldsExactly() {
    for (String exact : new String[] {"-12.50", "0.5", "123456789012.345", "999999999999999"}) {
      assertThat(CellTypes.fits(exact, DOUBLE)).as(exact).isTrue();
    }
    for (String not :
        new String[] {"1234567890123.456", "9999999999999999", "1.", ".5", "-.5", "00.5", "1e5"}) {
      assertThat(CellTypes.fits(not, DOUBLE)).as(not).isFalse();
    }
  }

  @Test
  void fitsAnythingAsText() {
    assertThat(CellTypes.fits("20240131, or so", TEXT)).isTrue();
  }

  @Test
  void convertsCellsToTypedValues() {
    assertThat(CellTypes.value("20240131", DATE)).isEqualTo(LocalDate.of(2024, 1, 31));
    assertThat(CellTypes.value("0", DATE)).isNull();
    assertThat(CellTypes.value("No", BOOLEAN)).isEqualTo(false);
    assertThat(CellTypes.value("YES", BOOLEAN)).isEqualTo(true);
    assertThat(CellTypes.value("-12", BIGINT)).isEqualTo(-12L);
    assertThat(CellTypes.value("20240131", BIGINT)).isEqualTo(20240131L);
    assertThat(CellTypes.value("7", DOUBLE)).isEqualTo(7.0);
    assertThat(CellTypes.value("", TEXT)).isNull();
    assertThat(CellTypes.value(null, DATE)).isNull();
  }

  @Test
  void refusesToAlterAValueThatDoesNotFit() {
    assertThatThrownBy(() -> CellTypes.value("maybe", BOOLEAN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'maybe' is not a BOOLEAN value; it needs a wider column type");
    assertThatThrownBy(() -> CellTypes.value("007", BIGINT))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CellTypes.value("20240230", DATE))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void widensAlongTheDocumentedChains() {
    assertThat(BIGINT.wider()).isEqualTo(DOUBLE);
    assertThat(DOUBLE.wider()).isEqualTo(TEXT);
    assertThat(DATE.wider()).isEqualTo(TEXT);
    assertThat(BOOLEAN.wider()).isEqualTo(TEXT);
    assertThat(TEXT.holds(DATE)).isTrue();
    assertThat(DOUBLE.holds(BIGINT)).isTrue();
    assertThat(BIGINT.holds(DOUBLE)).isFalse();
    assertThat(BIGINT.holds(DATE)).isFalse();
    assertThat(DATE.holds(DATE)).isTrue();
  }

  @Test
  void saysAnEmptyTextFitsTextOnly() {
    assertThat(CellTypes.fits("", TEXT)).isTrue();
    for (ColumnType type : List.of(BIGINT, DOUBLE, BOOLEAN, DATE)) {
      assertThat(CellTypes.fits("", type)).as(type.toString()).isFalse();
    }
  }
}
