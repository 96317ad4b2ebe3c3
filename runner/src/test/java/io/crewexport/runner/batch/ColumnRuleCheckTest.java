package io.crewexport.runner.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crewexport.CrewexportException;
import io.crewexport.ErrorCode;
import io.crewexport.runner.config.ReportConfig.ColumnAction;
import io.crewexport.schema.Column;
import io.crewexport.schema.SchemaEvolution;
import io.crewexport.schema.TypeInference;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class ColumnRuleCheckTest {
  private static final String EXPORT = "r1 [2024-01-01..2024-12-31]";
  private static final List<Column> FEW = columns("Employee", "Email", "Home Address");

  @Test
  void passesRulesNamingAHeadingOrASafeName() {
    assertThatCode(
            () ->
                ColumnRuleCheck.requireMatches(
                    EXPORT,
                    Map.of("Email", ColumnAction.HASH, "home_address", ColumnAction.DROP),
                    FEW))
        .doesNotThrowAnyException();
  }

  @Test
  void refusesAMisspeltKeyNamingTheExportTheKeyAndTheHeadings() {
    assertThatThrownBy(
            () ->
                ColumnRuleCheck.requireMatches(
                    EXPORT,
                    Map.of("Emial", ColumnAction.HASH, "Home Adress", ColumnAction.DROP),
                    FEW))
        .isInstanceOfSatisfying(
            CrewexportException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION))
        .hasMessageStartingWith(EXPORT + ": the column rule 'Emial: hash' names no column")
        .hasMessageContaining("'Home Adress: drop' names no column")
        .hasMessageContaining("(headings: 'Employee', 'Email', 'Home Address')")
        .hasMessageContaining("nothing was written")
        .hasMessageEndingWith(
            "Fix the key under the report's columns: in the config to a heading exactly as the"
                + " report sends it, or its safe name.");
  }

  @Test
  void namesTheClosestHeadingsOfAWideReport() {
    List<Column> wide =
        columns("Employee", "Employee Code", "Email", "Active", "Created", "Notes", "Team");
    assertThatThrownBy(
            () -> ColumnRuleCheck.requireMatches(EXPORT, Map.of("Emial", ColumnAction.HASH), wide))
        .hasMessageContaining("(closest headings: 'Email', ");
  }

  @Test
  void countsEditsBetweenTwoTexts() {
    assertThat(ColumnRuleCheck.distance("emial", "email")).isEqualTo(2);
    assertThat(ColumnRuleCheck.distance("", "abc")).isEqualTo(3);
    assertThat(ColumnRuleCheck.distance("home adress", "home address")).isEqualTo(1);
  }

  private static List<Column> columns(String... headings) {
    return SchemaEvolution.first(new TypeInference(List.of(headings)).result()).schema().columns();
  }
}
