package io.crewexport.schema;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;

/**
 * Infers column types over a whole report: feed every row to {@link #accept}, then ask for {@link
 * #result} (what each column's values fit, for {@link SchemaEvolution}) or, for a report without
 * earlier exports, {@link #schema}. A type is kept only if every non-empty cell of the column fits
 * it, so no value is ever altered or dropped; a column that fits nothing narrower is text.
 *
 * <pre>{@code
 * TypeInference inference = new TypeInference(reader.headings(), policy);
 * for (String[] row; (row = reader.next()) != null; ) inference.accept(row);
 * EvolvedSchema evolved = SchemaEvolution.evolve(storedSchema, inference.result());
 * }</pre>
 */
public final class TypeInference {
  private final List<String> headings;
  private final List<String> names;
  private final SchemaPolicy policy;
  private final ColumnStats[] stats;

  /** Columns that may still be something other than TEXT; the others need no more checks. */
  private final int[] open;

  private int openCount;
  private boolean[] textOnly;
  // openCount when textOnly was made: it only falls, so a change means a new column is text.
  private int openAtTextOnly = -1;

  // The last result and each column's state when it was made. The export asks for a result after
  // every batch of rows, and after the first few batches nearly every one is the same: made anew,
  // they cost the reading thread little but kept the JIT compiler busy with the code making them.
  private InferredSchema lastResult;
  private final int[] lastStates;

  /** Inference without pins. */
  public TypeInference(List<String> headings) {
    this(headings, SchemaPolicy.INFER);
  }

  public TypeInference(List<String> headings, SchemaPolicy policy) {
    this.headings = List.copyOf(headings);
    this.names = ColumnNames.of(headings);
    this.policy = policy;
    this.stats = new ColumnStats[headings.size()];
    this.open = new int[headings.size()];
    this.lastStates = new int[headings.size()];
    for (int i = 0; i < stats.length; i++) {
      stats[i] = new ColumnStats();
      open[i] = i;
    }
    this.openCount = stats.length;
  }

  /** Takes one row's cells, at least one per heading; {@code null} or {@code ""} is empty. */
  public void accept(String[] cells) {
    for (int k = 0; k < openCount; ) {
      int column = open[k];
      String cell = cells[column];
      if (cell != null && !cell.isEmpty() && !stats[column].accept(cell)) {
        open[k] = open[--openCount];
      } else {
        k++;
      }
    }
  }

  /**
   * Takes one row's cells where the reader holds them; the same as {@link #accept(String[])} for
   * the same texts. (That one keeps its own loop: an array read costs less per cell than a call.)
   */
  public void accept(RowCells row) {
    for (int k = 0; k < openCount; ) {
      int column = open[k];
      CharSequence cell = row.cell(column);
      if (cell != null && cell.length() > 0 && !stats[column].accept(cell)) {
        open[k] = open[--openCount];
      } else {
        k++;
      }
    }
  }

  /**
   * The columns that can only be TEXT by now, whose later cells inference does not read; the same
   * array until another column joins them.
   */
  public boolean[] textOnly() {
    if (openAtTextOnly != openCount) {
      textOnly = new boolean[stats.length];
      Arrays.fill(textOnly, true);
      for (int k = 0; k < openCount; k++) {
        textOnly[open[k]] = false;
      }
      openAtTextOnly = openCount;
    }
    return textOnly;
  }

  /** What each column's values seen so far fit, with the policy to apply. */
  public InferredSchema result() {
    boolean changed = lastResult == null;
    for (int i = 0; i < stats.length; i++) {
      int state = stats[i].state();
      changed |= state != lastStates[i];
      lastStates[i] = state;
    }
    if (changed) {
      List<InferredColumn> columns = new ArrayList<>(stats.length);
      for (int i = 0; i < stats.length; i++) {
        columns.add(new InferredColumn(headings.get(i), names.get(i), stats[i].fit()));
      }
      lastResult = new InferredSchema(columns, policy);
    }
    return lastResult;
  }

  /** The schema of the rows seen so far, for a report without earlier exports. */
  public ReportSchema schema() {
    return result().schema();
  }

  /** What one column's cells have fitted so far. */
  private static final class ColumnStats {
    private static final int EVERY_TYPE =
        CellTypes.DATE_LIKE | CellTypes.BOOLEAN | CellTypes.BIGINT | CellTypes.DOUBLE;
    // State bits above every CellTypes bit.
    private static final int HAS_VALUES = 1 << 16;
    private static final int REAL_DATES = 1 << 17;

    private boolean hasValues;
    private boolean realDates;
    // The CellTypes bits that every cell so far had, REAL_DATE aside.
    private int fits = EVERY_TYPE;

    /** Takes a non-empty cell; false once the column can only be TEXT. */
    boolean accept(CharSequence cell) {
      hasValues = true;
      int cellFits = CellTypes.fitsOf(cell);
      if ((fits & CellTypes.DATE_LIKE) != 0) {
        realDates |= (cellFits & CellTypes.REAL_DATE) != 0;
      }
      fits &= cellFits;
      return fits != 0;
    }

    /** All that {@link #fit} depends on, in one int. */
    int state() {
      return fits | (hasValues ? HAS_VALUES : 0) | (realDates ? REAL_DATES : 0);
    }

    ColumnFit fit() {
      EnumSet<ColumnType> types = EnumSet.of(ColumnType.TEXT);
      for (ColumnType type : ColumnType.values()) {
        if ((fits & CellTypes.bitOf(type)) != 0) {
          types.add(type);
        }
      }
      return new ColumnFit(types, hasValues, realDates);
    }
  }
}
