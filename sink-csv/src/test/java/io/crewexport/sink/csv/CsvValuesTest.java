package io.crewexport.sink.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

final class CsvValuesTest {

  @Test
  void writesMissingValuesAsNull() {
    assertThat(CsvValues.format(null)).isNull();
  }

  @Test
  void writesTextNumbersBooleansAndDatesAsReadersExpect() {
    assertThat(CsvValues.format("a,b")).isEqualTo("a,b");
    assertThat(CsvValues.format(-42L)).isEqualTo("-42");
    assertThat(CsvValues.format(true)).isEqualTo("true");
    assertThat(CsvValues.format(LocalDate.of(2024, 1, 31))).isEqualTo("2024-01-31");
  }

  @Test
  void writesDoublesWithoutExponentInTheUsualRange() {
    assertThat(CsvValues.formatDouble(12345678.9)).isEqualTo("12345678.9");
    assertThat(CsvValues.formatDouble(1.0e7)).isEqualTo("10000000.0");
    assertThat(CsvValues.formatDouble(0.001)).isEqualTo("0.001");
    assertThat(CsvValues.formatDouble(123456789012345678.0)).isEqualTo("123456789012345680.0");
  }

  @Test
  void writesDoublesThatReadBackExactly() {
    double[] samples = {0.1, 1.0 / 3, 2.5e-7, 9.99e20, -123.456, Math.PI * 1e15};

    for (double sample : samples) {
      assertThat(Double.parseDouble(CsvValues.formatDouble(sample))).isEqualTo(sample);
    }
  }

  @Test
  void keepsExponentFormForTinyHugeAndSpecialDoubles() {
    assertThat(CsvValues.formatDouble(1e-8)).isEqualTo("1.0E-8");
    assertThat(CsvValues.formatDouble(1e21)).isEqualTo("1.0E21");
    assertThat(CsvValues.formatDouble(-0.0)).isEqualTo("-0.0");
    assertThat(CsvValues.formatDouble(Double.NaN)).isEqualTo("NaN");
    assertThat(CsvValues.formatDouble(Double.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
  }
}
