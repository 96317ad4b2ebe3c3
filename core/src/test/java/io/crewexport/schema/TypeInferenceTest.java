package io.crewexport.schema;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.crewexport.read.CsvReportReader;
import io.crewexport.read.ReportReader;
import io.crewexport.testing.Samples;
import java.nio.CharBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class TypeInferenceTest {
  @TempDir Path folder;

  @Test
  void typesTheVendorSampleAsDocumented() {
    ReportSchema schema = inferSample();
    Map<String, ColumnType> types = new LinkedHashMap<>();
    schema.columns().forEach(c -> types.put(c.heading(), c.type()));

    assertThat(types.get("Active")).isEqualTo(ColumnType.BOOLEAN);
    for (String date : List.of("Created Date", "Invitation", "Employment Start")) {
      assertThat(types.get(date)).as(date).isEqualTo(ColumnType.DATE);
    }
    for (String zeros :
        List.of(
            "Last Access",
            "Employment End",
            "Last 1-on-1 (12 months)",
            "Last Team Meeting (12 months)")) {
      assertThat(types.get(zeros)).as(zeros).isEqualTo(ColumnType.BIGINT);
    }
    assertThat(schema.columns().stream().filter(c -> c.type() == ColumnType.TEXT)).hasSize(23);
  }

  @Test
  void namesTheVendorSampleColumnsUniquely() {
    ReportSchema schema = inferSample();
    assertThat(schema.names())
        .startsWith("employee", "employee_code", "email", "manager", "manager_code", "active")
        .contains(
            "last_1_on_1_12_months",
            "active_hitchhikers_guide_teams",
            "active_division_teams",
            "active_division_teams_2",
            "d_o_b",
            "security_training")
        .doesNotHaveDuplicates();
  }

  @Test
  void infersTheSameFromCellsLookedAtInPlaceAsFromStrings() {
    String[] values = {
      "0",
      "20240229",
      "20230229",
      "10000101",
      "09991231",
      "-0",
      "007",
      "9223372036854775807",
      "9223372036854775808",
      "-9223372036854775808",
      "-9223372036854775809",
      "1.5",
      "-12.50",
      "123456789012345",
      "1234567890123456",
      "12345678901234.5",
      ".5",
      "5.",
      "1e5",
      "+5",
      " 5",
      "yes",
      "YES",
      "ye\u017f",
      "No",
      "true",
      "FALSE",
      "maybe",
      "",
      null,
      "é",
      "-",
      "0.0"
    };
    Random random = new Random(11);
    for (int round = 0; round < 2_000; round++) {
      List<String> headings = List.of("a", "b", "c", "d");
      TypeInference strings = new TypeInference(headings);
      TypeInference looked = new TypeInference(headings);
      for (int row = 0, rows = 1 + random.nextInt(6); row < rows; row++) {
        String[] cells = new String[headings.size()];
        for (int i = 0; i < cells.length; i++) {
          // Each column mostly draws from a few values, so that narrow types survive a while.
          cells[i] = values[random.nextInt(random.nextBoolean() ? 3 : values.length)];
        }
        strings.accept(cells);
        // A CharSequence that is not a String, as a reader's view of its buffer is.
        looked.accept(column -> cells[column] == null ? null : CharBuffer.wrap(cells[column]));
      }
      assertThat(looked.result()).isEqualTo(strings.result());
    }
  }

  @Test
  void widensAColumnWhenOneValueDoesNotFit() {
    TypeInference inference = new TypeInference(List.of("n", "d", "b", "x"));
    inference.accept(new String[] {"1", "20240101", "Yes", "1.5"});
    inference.accept(new String[] {"2.5", "0", "maybe", "007"});
    ReportSchema schema = inference.schema();
    assertThat(schema.columns())
        .extracting(Column::type)
        .containsExactly(ColumnType.DOUBLE, ColumnType.DATE, ColumnType.TEXT, ColumnType.TEXT);
  }

  @Test
  void remembersAWiderValueThatCameBeforeNarrowerOnes() {
    // A decimal, a decimal and an impossible date first; whole numbers and real dates after them.
    TypeInference inference = new TypeInference(List.of("n", "d", "w"));
    inference.accept(new String[] {"2.5", "1.5", "20230229"});
    inference.accept(new String[] {"1", "20240101", "20240229"});
    inference.accept(new String[] {"", "0", ""});
    assertThat(inference.schema().columns())
        .extracting(Column::type)
        .containsExactly(ColumnType.DOUBLE, ColumnType.DOUBLE, ColumnType.BIGINT);
  }

  @Test
  void keepsOnlyTheTypesThatEveryCellFitsInWhateverOrderTheyCome() {
    String[] values = {
      "0",
      "20240229",
      "20230229",
      "7",
      "-7",
      "1.5",
      "1234567890123456",
      "Yes",
      "no",
      "007",
      "",
      null
    };
    Random random = new Random(5);
    for (int round = 0; round < 20_000; round++) {
      String[] column = new String[1 + random.nextInt(5)];
      for (int row = 0; row < column.length; row++) {
        column[row] = values[random.nextInt(values.length)];
      }
      TypeInference inference = new TypeInference(List.of("c"));
      for (String cell : column) {
        inference.accept(new String[] {cell});
      }
      ColumnFit fit = inference.result().columns().get(0).fit();
      ColumnFit expected = fitOneTypeAtATime(column);
      String cells = Arrays.toString(column);
      assertThat(fit.types()).as(cells).isEqualTo(expected.types());
      assertThat(fit.hasValues()).as(cells).isEqualTo(expected.hasValues());
      assertThat(fit.inferred()).as(cells).isEqualTo(expected.inferred());
      assertThat(fit.onlyNoDates()).as(cells).isEqualTo(expected.onlyNoDates());
    }
  }

  @Test
  void answersEveryResultAskedForOnTheWayAsAFreshInferenceWould() {
    // The export asks for a result after every batch: one that reuses the last must see every
    // change since, however small (a first value, a first real date, one type fewer).
    String[] values = {"0", "20240229", "20230229", "7", "1.5", "Yes", "x", "", null};
    Random random = new Random(17);
    for (int round = 0; round < 2_000; round++) {
      List<String[]> rows = new ArrayList<>();
      TypeInference asked = new TypeInference(List.of("a", "b", "c"));
      for (int row = 0, length = 1 + random.nextInt(12); row < length; row++) {
        String[] cells = new String[3];
        for (int i = 0; i < cells.length; i++) {
          cells[i] = values[random.nextInt(values.length)];
        }
        rows.add(cells);
        asked.accept(cells);
        if (random.nextBoolean()) {
          continue;
        }
        TypeInference fresh = new TypeInference(List.of("a", "b", "c"));
        rows.forEach(fresh::accept);
        assertThat(asked.result())
            .as(rows.stream().map(Arrays::toString).toList().toString())
            .isEqualTo(fresh.result());
      }
    }
  }

  /** What a column's cells fit, each type checked over every non-empty cell on its own. */
  private static ColumnFit fitOneTypeAtATime(String[] column) {
    EnumSet<ColumnType> types = EnumSet.allOf(ColumnType.class);
    boolean hasValues = false;
    boolean realDates = false;
    for (String cell : column) {
      if (cell == null || cell.isEmpty()) {
        continue;
      }
      hasValues = true;
      realDates |= !cell.equals("0") && CellTypes.fits(cell, ColumnType.DATE);
      types.removeIf(type -> !CellTypes.fits(cell, type));
    }
    return new ColumnFit(types, hasValues, realDates);
  }

  @Test
  void keepsLeadingZerosAndHugeNumbersAsText() {
    TypeInference inference = new TypeInference(List.of("code", "big"));
    inference.accept(new String[] {"007", "99999999999999999999"});
    assertThat(inference.schema().columns())
        .extracting(Column::type)
        .containsExactly(ColumnType.TEXT, ColumnType.TEXT);
  }

  @Test
  void treatsImpossibleDatesAsNumbers() {
    TypeInference inference = new TypeInference(List.of("d"));
    inference.accept(new String[] {"20240230"});
    assertThat(inference.schema().column(0).type()).isEqualTo(ColumnType.BIGINT);
  }

  @Test
  void makesAnAllEmptyColumnText() {
    TypeInference inference = new TypeInference(List.of("e"));
    inference.accept(new String[] {null});
    assertThat(inference.schema().column(0).type()).isEqualTo(ColumnType.TEXT);
  }

  @Test
  void givesTheSameFingerprintToTheSameSchema() {
    assertThat(inferSample().fingerprint()).isEqualTo(inferSample().fingerprint()).hasSize(16);
  }

  private ReportSchema inferSample() {
    try (ReportReader reader =
        new CsvReportReader(Samples.vendorSampleFile(folder), UTF_8, "sample")) {
      TypeInference inference = new TypeInference(reader.headings());
      for (String[] row; (row = reader.next()) != null; ) {
        inference.accept(row);
      }
      return inference.schema();
    }
  }
}
