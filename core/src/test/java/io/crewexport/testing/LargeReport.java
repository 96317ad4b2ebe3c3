package io.crewexport.testing;

import io.crewexport.Period;
import io.crewexport.schema.Column;
import io.crewexport.schema.ColumnType;
import io.crewexport.schema.ReportSchema;
import io.crewexport.spi.Row;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A large report of the vendor sample's shape, generated row by row from its index, so a test
 * writes 200,000 rows without holding them: 31 columns (whole numbers, decimals, texts, booleans,
 * dates), texts with quoted commas, quotes, line breaks, non-ASCII and text outside the BMP, and
 * the nulls that empty cells and the vendor's {@code 0} dates become.
 */
public final class LargeReport {
  public static final String REPORT_ID = "large.summary";
  public static final Period PERIOD = Period.parse("2024-01-01", "2024-12-31");
  public static final int ROWS = 200_000;

  private static final ColumnType[] TYPES = {
    ColumnType.BIGINT, ColumnType.TEXT, ColumnType.TEXT, ColumnType.TEXT, ColumnType.DOUBLE,
    ColumnType.BOOLEAN, ColumnType.DATE, ColumnType.TEXT, ColumnType.TEXT, ColumnType.DATE,
    ColumnType.BIGINT, ColumnType.TEXT, ColumnType.DOUBLE, ColumnType.TEXT, ColumnType.TEXT,
    ColumnType.BOOLEAN, ColumnType.TEXT, ColumnType.DATE, ColumnType.BIGINT, ColumnType.TEXT,
    ColumnType.DOUBLE, ColumnType.TEXT, ColumnType.TEXT, ColumnType.DATE, ColumnType.TEXT,
    ColumnType.BOOLEAN, ColumnType.BIGINT, ColumnType.TEXT, ColumnType.DOUBLE, ColumnType.TEXT,
    ColumnType.TEXT
  };

  private static final String[] TEXTS = {
    "Ann, \"the\" Boss",
    "line one\r\nline two\nthree",
    "Zoë Ångström",
    "李小龍 🚀",
    "",
    "plain",
    "tab\there",
    "=SUM(A1)",
    "Émilie Dubois-Ørsted",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 😀, \"quoted\"",
    "Team Lead",
    "a,b,c"
  };

  public static final ReportSchema SCHEMA = schema();

  private LargeReport() {}

  /** Row {@code index}, the same on every call. */
  public static Row row(int index) {
    Object[] values = new Object[TYPES.length];
    for (int column = 0; column < TYPES.length; column++) {
      values[column] = value(index, column);
    }
    return Row.wrap(values);
  }

  private static Object value(int index, int column) {
    if (column == 0) {
      return (long) index;
    }
    long mix = (index * 31L + column * 7L) ^ (index >>> 3);
    if (mix % 13 == 0) {
      return null;
    }
    return switch (TYPES[column]) {
      case BIGINT -> (mix % 1000 - 500) * 1_000_003L;
      // Multiples of 1/8 far below 2^50: sums are exact in any order.
      case DOUBLE -> (mix % 100_000) / 8.0 - 5000;
      case BOOLEAN -> mix % 2 == 0;
      // A vendor 0 date became null: every ninth.
      case DATE -> mix % 9 == 4 ? null : LocalDate.of(1990, 1, 1).plusDays(mix % 15_000);
      case TEXT -> TEXTS[(int) (mix % TEXTS.length)] + (mix % 5 == 0 ? " #" + index : "");
    };
  }

  private static ReportSchema schema() {
    List<Column> columns = new ArrayList<>();
    for (int i = 0; i < TYPES.length; i++) {
      String name = i == 0 ? "employee_id" : TYPES[i].name().toLowerCase() + "_" + i;
      String heading = i == 0 ? "Employee ID" : "Field " + i + ", " + TYPES[i];
      columns.add(new Column(heading, name, TYPES[i]));
    }
    return new ReportSchema(columns);
  }
}
