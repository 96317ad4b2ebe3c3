package io.crewexport.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * Infers column types over a whole report: feed every row to {@link #accept}, then ask for {@link
 * #schema}. A type is kept only if every non-empty cell of the column fits it, so no value is ever
 * altered or dropped; a column that fits nothing narrower is text.
 *
 * <pre>{@code
 * TypeInference inference = new TypeInference(headings);
 * for (String[] row; (row = reader.next()) != null; ) inference.accept(row);
 * ReportSchema schema = inference.schema();
 * }</pre>
 */
public final class TypeInference {
  private final List<String> headings;
  private final List<String> names;
  private final ColumnStats[] stats;

  public TypeInference(List<String> headings) {
    this.headings = List.copyOf(headings);
    this.names = ColumnNames.of(headings);
    this.stats = new ColumnStats[headings.size()];
    for (int i = 0; i < stats.length; i++) {
      stats[i] = new ColumnStats();
    }
  }

  /** Takes one row's cells; {@code null} is an empty cell. */
  public void accept(String[] cells) {
    for (int i = 0; i < stats.length; i++) {
      String cell = cells[i];
      if (cell != null && !cell.isEmpty()) {
        stats[i].accept(cell);
      }
    }
  }

  /** The schema of the rows seen so far. */
  public ReportSchema schema() {
    List<Column> columns = new ArrayList<>(stats.length);
    for (int i = 0; i < stats.length; i++) {
      columns.add(new Column(headings.get(i), names.get(i), stats[i].type()));
    }
    return new ReportSchema(columns);
  }

  /** What one column's cells have fitted so far. */
  private static final class ColumnStats {
    private boolean seen;
    private boolean date = true;
    private boolean realDate;
    private boolean bool = true;
    private boolean bigint = true;
    private boolean decimal = true;

    void accept(String cell) {
      seen = true;
      if (date) {
        boolean isReal = CellTypes.isDate(cell);
        realDate |= isReal;
        date = isReal || CellTypes.isNoDate(cell);
      }
      bool = bool && CellTypes.isBoolean(cell);
      boolean whole = bigint || decimal ? CellTypes.isBigint(cell) : false;
      bigint = bigint && whole;
      // Whole numbers join a DOUBLE column only while a double still holds them exactly.
      decimal = decimal && ((whole && cell.length() <= 16) || CellTypes.isDouble(cell));
    }

    ColumnType type() {
      if (!seen) {
        return ColumnType.TEXT;
      }
      if (date && realDate) {
        return ColumnType.DATE;
      }
      if (bool) {
        return ColumnType.BOOLEAN;
      }
      if (bigint) {
        return ColumnType.BIGINT;
      }
      return decimal ? ColumnType.DOUBLE : ColumnType.TEXT;
    }
  }
}
