package io.crewexport.testing;

import static io.crewexport.schema.ColumnType.BIGINT;
import static io.crewexport.schema.ColumnType.BOOLEAN;
import static io.crewexport.schema.ColumnType.DATE;
import static io.crewexport.schema.ColumnType.DOUBLE;
import static io.crewexport.schema.ColumnType.TEXT;

import io.crewexport.Period;
import io.crewexport.schema.Column;
import io.crewexport.schema.ReportSchema;
import io.crewexport.spi.Row;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The report {@link SinkContractTest} exports: one column of every type, nulls in each, an empty
 * text beside a missing one, and text that trips writers up.
 */
public final class ContractReport {
  /** The report id; its table name is {@code contract_people}. */
  public static final String REPORT_ID = "contract.people";

  /** When every export of the contract test was extracted. */
  public static final Instant EXTRACTED_AT = Instant.parse("2024-12-04T10:15:30.123456Z");

  public static final Period JANUARY = Period.parse("2024-01-01", "2024-01-31");
  public static final Period JANUARY_TO_THE_15TH = Period.parse("2024-01-01", "2024-01-15");
  public static final Period FEBRUARY = Period.parse("2024-02-01", "2024-02-29");
  public static final Period JANUARY_20TH_TO_FEBRUARY_10TH =
      Period.parse("2024-01-20", "2024-02-10");

  public static final ReportSchema SCHEMA =
      new ReportSchema(
          List.of(
              new Column("Employee ID", "employee_id", BIGINT),
              new Column("Name", "name", TEXT),
              new Column("Score", "score", DOUBLE),
              new Column("Active?", "active", BOOLEAN),
              new Column("Last 1-on-1", "last_1_on_1", DATE),
              new Column("Note", "note", TEXT)));

  /**
   * Text outside the Basic Multilingual Plane, each character two UTF-16 units and four UTF-8
   * bytes: emoji (one a sequence joined by U+200D), rare CJK ideographs of extension B, and
   * mathematical letters.
   */
  public static final List<String> OUTSIDE_BMP =
      List.of(
          "😀 🚀 👩‍👩‍👧",
          "𠜎𠜱𠝹𠱓𪚥 and 𫝀",
          "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𝟘𝟙𝟚",
          "a😀b, \"😀\"\n😀",
          "🏳️‍🌈 flag, Zoë Ångström, 李小龍");

  private static final String[] NOTES = {"", null, "comma, \"quote\"\r\nnew line", "plain"};

  private ContractReport() {}

  /**
   * {@code count} rows named {@code label-0}, {@code label-1}...: names tell which export wrote a
   * row. Every other column is null in some rows.
   */
  public static List<Row> rows(String label, int count) {
    List<Row> rows = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      rows.add(
          Row.of(
              i % 11 == 10 ? null : (long) i * 1_000_003L - 5,
              label + "-" + i,
              i % 7 == 6 ? null : i / 4.0 - 3,
              i % 5 == 4 ? null : i % 2 == 0,
              i % 3 == 2 ? null : LocalDate.of(2024, 1, 1).plusDays(i % 400),
              NOTES[i % NOTES.length]));
    }
    return rows;
  }

  /** One row per text of {@link #OUTSIDE_BMP}, the text in both text columns. */
  public static List<Row> outsideBmpRows() {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < OUTSIDE_BMP.size(); i++) {
      String text = OUTSIDE_BMP.get(i);
      rows.add(Row.of((long) i, text, null, null, null, text));
    }
    return rows;
  }

  /** A row that does not fit {@link #SCHEMA}: text where a whole number belongs. */
  public static Row notFitting() {
    return Row.of("not a number", "bad", null, null, null, null);
  }
}
