package io.crewexport.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.crewexport.Period;
import io.crewexport.spi.ExportTarget;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

  @Test
  void neverGivesOutAPartitionKey() {
    assertThat(
            ColumnNames.of(
                List.of("Employee", "Start Date", "End Date", "Snapshot Date", "start_date")))
        .containsExactly(
            "employee", "start_date_2", "end_date_2", "snapshot_date_2", "start_date_3")
        .doesNotContainAnyElementsOf(ColumnNames.PARTITION_KEYS);
  }

  @Test
  void givesOutAPartitionKeyThatEarlierExportsWrote() {
    assertThat(ColumnNames.of(List.of("Start Date", "End Date"), Set.of("start_date")))
        .containsExactly("start_date", "end_date_2");
  }

  @Test
  void reservesTheKeyOfEveryPartitionFolder() {
    Period year = Period.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31));
    for (Period period : java.util.Arrays.asList(year, null)) {
      ExportTarget target = new ExportTarget("r", period, "run", Instant.EPOCH, "/out", Map.of());
      for (String folder : target.partitionPath().split("/")) {
        assertThat(ColumnNames.PARTITION_KEYS).contains(folder.substring(0, folder.indexOf('=')));
      }
    }
  }
}
