package io.crewexport.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

final class ColumnNamesTest {

  @Test
  void turnsVendorHeadingsIntoLowerSnakeCase() {
    assertThat(
            ColumnNames.of(
                List.of(
                    "Last 1-on-1 (12 months)",
                    "D.O.B",
                    "Active Hitchhiker's Guide Teams",
                    "Email")))
        .containsExactly(
            "last_1_on_1_12_months", "d_o_b", "active_hitchhikers_guide_teams", "email");
  }

  @Test
  void numbersRepeatedHeadingsInOrder() {
    assertThat(ColumnNames.of(List.of("Active Division  Teams", "Active Division  Teams", "x")))
        .containsExactly("active_division_teams", "active_division_teams_2", "x");
  }

  @Test
  void givesEmptyAndSymbolOnlyHeadingsTheirPosition() {
    assertThat(ColumnNames.of(List.of("", "???", "a")))
        .containsExactly("column_1", "column_2", "a");
  }

  @Test
  void prefixesALeadingDigit() {
    assertThat(ColumnNames.of(List.of("2024 Goals"))).containsExactly("c_2024_goals");
  }

  @Test
  void foldsAccentsAndDropsOtherScripts() {
    assertThat(ColumnNames.of(List.of("Année d'entrée", "部署", "Ünïcödé 😀")))
        .containsExactly("annee_dentree", "column_2", "unicode");
  }

  @Test
  void keepsNamesUniqueWhenANumberedNameExistsAlready() {
    assertThat(ColumnNames.of(List.of("a_2", "a", "a")))
        .containsExactly("a_2", "a", "a_3")
        .doesNotHaveDuplicates();
  }

  @Test
  void isTheSameRunAfterRun() {
    List<String> headings = List.of("X", "x", "X ", "x_2");
    assertThat(ColumnNames.of(headings)).isEqualTo(ColumnNames.of(headings));
  }
}
