package io.crewexport.schema;

import static io.crewexport.schema.ColumnType.BIGINT;
import static io.crewexport.schema.ColumnType.DATE;
import static io.crewexport.schema.ColumnType.DOUBLE;
import static io.crewexport.schema.ColumnType.TEXT;
import static io.crewexport.schema.Exports.infer;
import static io.crewexport.schema.Exports.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class SchemaPolicyTest {
  private static final List<String> HEADINGS = List.of("Code", "Last Access", "Team", "Team");

  @Test
  void infersWithoutPinsByDefault() {
    assertThat(SchemaPolicy.INFER.pins()).isEmpty();
    assertThat(SchemaPolicy.INFER.allText()).isFalse();
  }

  @Test
  void givesAPinnedColumnItsPinWhenEveryValueFits() {
    SchemaPolicy policy = new SchemaPolicy(Map.of("Code", TEXT, "last_access", DATE), false);
    EvolvedSchema first =
        SchemaEvolution.first(
            infer(policy, HEADINGS, row("7", "0", "a", "b"), row("8", "0", null, null)));

    assertThat(first.schema().columns())
        .extracting(Column::type)
        .containsExactly(TEXT, DATE, TEXT, TEXT);
    assertThat(first.drift().notices()).isEmpty();
    assertThat(first.converter().convert(row("7", "0", "a", "b")))
        .containsExactly("7", null, "a", "b");
  }

  @Test
  void pinsEveryColumnOfARepeatedHeadingOrOneByItsName() {
    SchemaPolicy byHeading = new SchemaPolicy(Map.of("Team", BIGINT), false);
    SchemaPolicy byName = new SchemaPolicy(Map.of("Team", BIGINT, "team_2", DOUBLE), false);
    String[] cells = row("x", "0", "1", "2");

    assertThat(SchemaEvolution.first(infer(byHeading, HEADINGS, cells)).schema().columns())
        .extracting(Column::type)
        .containsExactly(TEXT, BIGINT, BIGINT, BIGINT);
    assertThat(SchemaEvolution.first(infer(byName, HEADINGS, cells)).schema().columns())
        .extracting(Column::type)
        .containsExactly(TEXT, BIGINT, BIGINT, DOUBLE);
  }

  @Test
  void widensAPinThatAValueDoesNotFitAndSaysSo() {
    SchemaPolicy policy = new SchemaPolicy(Map.of("Last Access", DATE, "Code", BIGINT), false);
    EvolvedSchema first =
        SchemaEvolution.first(infer(policy, HEADINGS, row("1.5", "yesterday", null, null)));

    assertThat(first.schema().columns()).extracting(Column::type).startsWith(DOUBLE, TEXT);
    assertThat(first.converter().convert(row("1.5", "yesterday", null, null)))
        .startsWith(1.5, "yesterday");
    assertThat(first.drift().notices())
        .containsExactly(
            "Column 'Code' (code) is pinned to BIGINT but holds values that are not BIGINT: it is"
                + " written as DOUBLE so that no value is lost. Fix the pin, or ask Crewmojo about"
                + " the values.",
            "Column 'Last Access' (last_access) is pinned to DATE but holds values that are not"
                + " DATE: it is written as TEXT so that no value is lost. Fix the pin, or ask"
                + " Crewmojo about the values.");
  }

  @Test
  void makesEveryColumnButThePinnedOnesTextWhenAllTextIsOn() {
    SchemaPolicy policy = SchemaPolicy.allText(Map.of("code", BIGINT));
    ReportSchema schema = infer(policy, HEADINGS, row("7", "20240101", "1", "Yes")).schema();
    assertThat(schema.columns()).extracting(Column::type).containsExactly(BIGINT, TEXT, TEXT, TEXT);
  }

  @Test
  void widensEveryStoredColumnToTextWhenAllTextIsTurnedOn() {
    ReportSchema stored = infer(HEADINGS, row("7", "20240101", "1", "2")).schema();
    EvolvedSchema next =
        SchemaEvolution.evolve(
            stored, infer(SchemaPolicy.allText(Map.of()), HEADINGS, row("7", "0", "1", "2")));
    assertThat(next.drift().widened())
        .extracting(TypeChange::to)
        .containsExactly(TEXT, TEXT, TEXT, TEXT);
  }

  @Test
  void warnsOfAPinThatNamesNoColumn() {
    SchemaPolicy policy = new SchemaPolicy(Map.of("Last Acess", DATE), false);
    assertThat(
            SchemaEvolution.first(infer(policy, HEADINGS, row("a", "b", "c", "d")))
                .drift()
                .notices())
        .containsExactly("The pin 'Last Acess' names no column of this report.");
  }

  @Test
  void refusesABlankKeyOrAMissingType() {
    Map<String, ColumnType> missing = new HashMap<>();
    missing.put("Code", null);
    assertThatThrownBy(() -> new SchemaPolicy(Map.of(" ", TEXT), false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not blank");
    assertThatThrownBy(() -> new SchemaPolicy(missing, false))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("the pin of column 'Code' has no type");
  }
}
