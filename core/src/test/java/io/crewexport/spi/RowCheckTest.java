package io.crewexport.spi;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crewexport.schema.ReportSchema;
import io.crewexport.testing.SampleReport;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

final class RowCheckTest {
  private final RowCheck check = RowCheck.of(SampleReport.SCHEMA);

  @Test
  void passesRowsOfTheSchemaTypesAndNulls() {
    for (Row row : SampleReport.ROWS) {
      assertThatCode(() -> check.require(row)).doesNotThrowAnyException();
    }
    assertThatCode(() -> check.require(Row.of(null, null, null, null, null, null)))
        .doesNotThrowAnyException();
  }

  @Test
  void refusesAValueOfAnotherTypeNamingItsColumnAsRequireFitsDoes() {
    Row row = Row.of(1L, "a", "b", 4.5, true, "2024-01-31");

    assertThatThrownBy(() -> check.require(row))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("column last_1_on_1 is DATE but the row holds a java.lang.String there")
        .hasMessage(messageOf(row));
  }

  @Test
  void looksAtTheValuesOfARowMadeForAnotherSchemaEvenAnEqualOne() {
    Object[] values = {1L, "a", "b", 4, true, LocalDate.of(2024, 1, 31)};
    ReportSchema equal = new ReportSchema(SampleReport.SCHEMA.columns());

    assertThatThrownBy(() -> check.require(Row.wrapFitting(equal, values)))
        .hasMessageContaining("column score is DOUBLE");
    assertThatCode(() -> check.require(Row.wrapFitting(SampleReport.SCHEMA, values)))
        .as("made for this very schema: trusted, not looked at")
        .doesNotThrowAnyException();
  }

  @Test
  void refusesAWholeNumberWhereTheColumnHoldsDecimals() {
    Row row = Row.of(1L, "a", "b", 4, true, LocalDate.of(2024, 1, 31));

    assertThatThrownBy(() -> check.require(row))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("column score is DOUBLE");
  }

  @Test
  void refusesARowOfAnotherLengthAsRequireFitsDoes() {
    Row row = Row.of(1L, "a");

    assertThatThrownBy(() -> check.require(row))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a row has 2 values but the report has 6 columns");
  }

  private static String messageOf(Row row) {
    try {
      row.requireFits(SampleReport.SCHEMA);
      return "fits";
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }
}
