package io.crewexport.schema;

import static io.crewexport.schema.ColumnType.BIGINT;
import static io.crewexport.schema.ColumnType.BOOLEAN;
import static io.crewexport.schema.ColumnType.DATE;
import static io.crewexport.schema.ColumnType.DOUBLE;
import static io.crewexport.schema.ColumnType.TEXT;
import static io.crewexport.schema.Exports.infer;
import static io.crewexport.schema.Exports.row;
import static io.crewexport.schema.Exports.typeOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

final class SchemaEvolutionTest {
  private static final List<String> HEADINGS = List.of("Name", "Last Access", "Score", "Active");

  private final ReportSchema stored =
      SchemaEvolution.first(infer(HEADINGS, row("Al", "0", "3", "Yes"), row("Bo", "0", "4", "No")))
          .schema();

  @Test
  void startsAReportWithItsInferredTypesAndNoDrift() {
    EvolvedSchema first =
        SchemaEvolution.first(
            infer(HEADINGS, row("Al", "0", "3", "Yes"), row("Bo", "0", "4", "No")));

    assertThat(first.schema().columns())
        .extracting(Column::type)
        .containsExactly(TEXT, BIGINT, BIGINT, BOOLEAN);
    assertThat(first.drift().fingerprintBefore()).isEmpty();
    assertThat(first.drift().added()).isEmpty();
    assertThat(first.drift().changed()).isFalse();
    assertThat(first.drift().summary())
        .isEqualTo("schema " + first.schema().fingerprint() + " (first export)");
  }

  @Test
  void suggestsAPinForAColumnOfOnlyZerosOnTheFirstExport() {
    EvolvedSchema first = SchemaEvolution.first(infer(HEADINGS, row("Al", "0", "3", "Yes")));
    assertThat(first.drift().notices())
        .singleElement()
        .asString()
        .startsWith("Column 'Last Access' (last_access) held only 0, so it is typed BIGINT")
        .contains("pin it to DATE");
  }

  @Test
  void keepsAZeroOnlyBigintColumnWhenDatesArriveAndConvertsThemAsNumbers() {
    EvolvedSchema next =
        SchemaEvolution.evolve(
            stored, infer(HEADINGS, row("Al", "20240131", "5", "Yes"), row("Bo", "0", "6", "No")));

    assertThat(typeOf(next.schema(), "last_access")).isEqualTo(BIGINT);
    assertThat(next.drift().changed()).isFalse();
    assertThat(next.drift().summary()).isEqualTo("schema " + stored.fingerprint() + " unchanged");
    assertThat(next.drift().notices())
        .singleElement()
        .asString()
        .contains("now holds dates (yyyymmdd)")
        .contains("suggest pinning column last_access to DATE");
    assertThat(next.converter().convert(row("Al", "20240131", "5", "Yes")))
        .containsExactly("Al", 20240131L, 5L, true);
    assertThat(next.converter().convert(row("Bo", "0", null, "No")))
        .containsExactly("Bo", 0L, null, false);
  }

  @Test
  void widensBigintToDoubleToTextAndBooleanToText() {
    EvolvedSchema next =
        SchemaEvolution.evolve(stored, infer(HEADINGS, row("Al", "0", "4.5", "maybe")));
    assertThat(next.drift().widened())
        .containsExactly(
            new TypeChange("score", BIGINT, DOUBLE), new TypeChange("active", BOOLEAN, TEXT));
    assertThat(next.converter().convert(row("Al", "0", "4.5", "maybe")))
        .containsExactly("Al", 0L, 4.5, "maybe");

    EvolvedSchema later =
        SchemaEvolution.evolve(next.schema(), infer(HEADINGS, row("Al", "0", "n/a", "Yes")));
    assertThat(later.drift().widened()).containsExactly(new TypeChange("score", DOUBLE, TEXT));
    assertThat(later.drift().summary())
        .isEqualTo(
            "schema "
                + next.schema().fingerprint()
                + " -> "
                + later.schema().fingerprint()
                + ": widened 1 (score DOUBLE -> TEXT)");
  }

  @Test
  void widensADateColumnThatGetsNumbersOrTextToText() {
    List<String> headings = List.of("Start", "End");
    ReportSchema dates =
        SchemaEvolution.first(infer(headings, row("20240101", "20240102"))).schema();
    EvolvedSchema next = SchemaEvolution.evolve(dates, infer(headings, row("12", "soon")));
    assertThat(next.schema().columns()).extracting(Column::type).containsExactly(TEXT, TEXT);
    assertThat(next.converter().convert(row("12", "soon"))).containsExactly("12", "soon");
  }

  @Test
  void neverNarrowsAStoredType() {
    List<String> headings = List.of("Code", "Amount", "When");
    ReportSchema wide =
        SchemaEvolution.first(infer(headings, row("A1", "1.5", "20240101"), row("7", "2", "0")))
            .schema();
    EvolvedSchema next =
        SchemaEvolution.evolve(wide, infer(headings, row("7", "2", "0"), row("8", "3", "0")));
    assertThat(next.schema()).isEqualTo(wide);
    assertThat(next.converter().convert(row("7", "2", "0"))).containsExactly("7", 2.0, null);
  }

  @Test
  void keepsTheStoredTypeOfAColumnThatIsEmptyThisTime() {
    EvolvedSchema next =
        SchemaEvolution.evolve(stored, infer(HEADINGS, row(null, null, null, null)));
    assertThat(next.schema()).isEqualTo(stored);
  }

  @Test
  void appendsNewColumnsKeepsVanishedOnesAndMatchesByName() {
    List<String> reordered = List.of("Team", "Active", "Name", "Last  Access");
    EvolvedSchema next =
        SchemaEvolution.evolve(stored, infer(reordered, row("Ops", "No", "Al", "20240131")));

    assertThat(next.schema().names())
        .containsExactly("name", "last_access", "score", "active", "team");
    assertThat(next.schema().headings())
        .containsExactly("Name", "Last  Access", "Score", "Active", "Team");
    assertThat(next.converter().convert(row("Ops", "No", "Al", "20240131")))
        .containsExactly("Al", 20240131L, null, false, "Ops");
    assertThat(next.drift().added()).containsExactly(new Column("Team", "team", TEXT));
    assertThat(next.drift().removed()).containsExactly(new Column("Score", "score", BIGINT));
    assertThat(next.drift().summary())
        .isEqualTo(
            "schema "
                + stored.fingerprint()
                + " -> "
                + next.schema().fingerprint()
                + ": added 1 (team TEXT); removed 1 (score)");
  }

  @Test
  void letsAPinMoveAStoredTypeAndSaysSo() {
    SchemaPolicy pinned = new SchemaPolicy(java.util.Map.of("Last Access", DATE), false);
    EvolvedSchema next =
        SchemaEvolution.evolve(stored, infer(pinned, HEADINGS, row("Al", "20240131", "1", "No")));
    assertThat(typeOf(next.schema(), "last_access")).isEqualTo(DATE);
    assertThat(next.drift().retyped()).containsExactly(new TypeChange("last_access", BIGINT, DATE));
    assertThat(next.drift().summary()).contains("retyped by a pin 1 (last_access BIGINT -> DATE)");
    assertThat(next.converter().convert(row("Al", "20240131", "1", "No"))[1])
        .isEqualTo(LocalDate.of(2024, 1, 31));
  }

  @Test
  void refusesToConvertARowThatDoesNotFitTheSchema() {
    EvolvedSchema next = SchemaEvolution.evolve(stored, infer(HEADINGS, row("Al", "0", "1", "No")));
    assertThatThrownBy(() -> next.converter().convert(row("Al", "0", "x", "No")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("column score: 'x' is not a BIGINT value");
  }

  @Test
  void keepsAPartitionKeyThatEarlierExportsWroteAndSaysHowToReadIt() {
    // As an export before names avoided partition keys stored it.
    Column employee = new Column("Employee", "employee", TEXT);
    Column startDate = new Column("Start Date", "start_date", DATE);
    ReportSchema before = new ReportSchema(List.of(employee, startDate));
    List<String> headings = List.of("Employee", "Start Date", "End Date");

    EvolvedSchema next =
        SchemaEvolution.evolve(before, infer(headings, row("Ada", "20200115", "20201231")));

    assertThat(next.schema().names()).containsExactly("employee", "start_date", "end_date_2");
    assertThat(next.drift().removed()).isEmpty();
    assertThat(next.converter().convert(row("Ada", "20200115", "20201231")))
        .containsExactly("Ada", LocalDate.of(2020, 1, 15), LocalDate.of(2020, 12, 31));
    assertThat(next.drift().notices())
        .singleElement()
        .asString()
        .startsWith("Column 'Start Date' (start_date) keeps the name")
        .contains("hive_partitioning = false");
  }

  @Test
  void givesANewColumnNoPartitionKey() {
    EvolvedSchema next =
        SchemaEvolution.evolve(
            stored, infer(List.of("Name", "Snapshot Date"), row("Al", "20240101")));

    assertThat(next.drift().added()).extracting(Column::name).containsExactly("snapshot_date_2");
  }

  @Test
  void aNewHeadingWhoseNameAPresentColumnHoldsGetsANewNameInsteadOfTakingItOver() {
    ReportSchema before =
        SchemaEvolution.first(infer(List.of("id", "A B"), row("1", "x"))).schema();

    EvolvedSchema next =
        SchemaEvolution.evolve(before, infer(List.of("id", "A-B", "A B"), row("2", "new", "x")));

    assertThat(next.schema().columns())
        .extracting(Column::heading, Column::name)
        .containsExactly(tuple("id", "id"), tuple("A B", "a_b"), tuple("A-B", "a_b_2"));
    assertThat(next.drift().added()).extracting(Column::name).containsExactly("a_b_2");
    assertThat(next.converter().convert(row("2", "new", "x"))).containsExactly(2L, "x", "new");
  }

  @Test
  void headingsThatSwapPlacesKeepTheirNames() {
    ReportSchema before =
        SchemaEvolution.first(infer(List.of("A B", "A-B"), row("x", "y"))).schema();

    EvolvedSchema next =
        SchemaEvolution.evolve(before, infer(List.of("A-B", "A B"), row("y", "x")));

    assertThat(next.schema().columns())
        .extracting(Column::heading, Column::name)
        .containsExactly(tuple("A B", "a_b"), tuple("A-B", "a_b_2"));
    assertThat(next.converter().convert(row("y", "x"))).containsExactly("x", "y");
    assertThat(next.drift().changed()).isFalse();
  }

  @Test
  void aRespeltHeadingKeepsTheNameOfTheColumnItReplaces() {
    ReportSchema before =
        SchemaEvolution.first(infer(List.of("Name", "Active Division  Teams"), row("Al", "x")))
            .schema();

    EvolvedSchema next =
        SchemaEvolution.evolve(
            before, infer(List.of("Name", "Active Division Teams"), row("Al", "y")));

    assertThat(next.schema().names()).containsExactly("name", "active_division_teams");
    assertThat(next.drift().added()).isEmpty();
    assertThat(next.drift().removed()).isEmpty();
  }
}
