package io.crewexport.sink.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

final class CsvValuesTest {

  @Test
  void writesDoublesWithoutExponentInTheUsualRange() {
    assertThat(CsvValues.formatDouble(12345678.9)).isEqualTo("12345678.9");
    assertThat(CsvValues.formatDouble(1.0e7)).isEqualTo("10000000.0");
    assertThat(CsvValues.formatDouble(0.001)).isEqualTo("0.001");
    assertThat(CsvValues.formatDouble(123456789012345678.0)).isEqualTo("123456789012345680.0");
    assertThat(CsvValues.formatDouble(-1.25e-5)).isEqualTo("-0.0000125");
    assertThat(CsvValues.formatDouble(1.0e-5)).isEqualTo("0.000010");
    assertThat(CsvValues.formatDouble(1.2345678912e9)).isEqualTo("1234567891.2");
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

  @Test
  void spellsEveryDoubleAsItsPlainBigDecimalInTheUsualRange() {
    SplittableRandom random = new SplittableRandom(8);

    for (int i = 0; i < 200_000; i++) {
      // Magnitudes from 1e-8 to 1e22, so both ends of the plain range and beyond are crossed.
      double number = (random.nextBoolean() ? -1 : 1) * Math.pow(10, random.nextDouble(-8, 22));
      double sample = i % 3 == 0 ? Math.rint(number) : number;

      assertThat(CsvValues.formatDouble(sample)).isEqualTo(FastCsvReference.formatDouble(sample));
    }
  }
}
