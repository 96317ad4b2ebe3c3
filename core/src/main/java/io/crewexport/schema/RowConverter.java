package io.crewexport.schema;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * Turns a row as read (cells in the order of this export's headings) into the values of the schema
 * written (stored columns first, in their order, then new ones), each converted by its column's
 * type with {@link CellTypes#value}. A stored column the vendor no longer sends is null.
 */
public final class RowConverter {
  private final ReportSchema schema;
  private final int[] sources;
  private final ColumnType[] types;

  /**
   * @param schema the schema written
   * @param sources for each column of {@code schema}, the index of its cell in a row as read, or -1
   *     for a column the export does not hold
   */
  RowConverter(ReportSchema schema, int[] sources) {
    this.schema = requireNonNull(schema, "schema");
    this.sources = sources.clone();
    this.types = schema.columns().stream().map(Column::type).toArray(ColumnType[]::new);
    if (sources.length != schema.size()) {
      throw new IllegalArgumentException(
          sources.length + " sources for a schema of " + schema.size() + " columns");
    }
  }

  /** The schema the values follow. */
  public ReportSchema schema() {
    return schema;
  }

  /**
   * Whether each value comes from the cell in the same place of a row of {@code cells} cells, every
   * cell used: the schema holds the row's columns, in its order, and no other.
   */
  public boolean keepsCellsInPlace(int cells) {
    if (sources.length != cells) {
      return false;
    }
    for (int i = 0; i < sources.length; i++) {
      if (sources[i] != i) {
        return false;
      }
    }
    return true;
  }

  /**
   * The typed values of one row as read.
   *
   * @throws IllegalStateException if a cell does not fit its column's type, which means the rows
   *     differ from those the schema was inferred from
   */
  public Object[] convert(String[] cells) {
    Object[] values = new Object[sources.length];
    for (int i = 0; i < sources.length; i++) {
      if (sources[i] >= 0) {
        values[i] = value(cells[sources[i]], schema.column(i));
      }
    }
    return values;
  }

  /**
   * The typed values of one row as read, whose every cell type inference has seen on the way to
   * this converter's schema, so fits its column's type: faster than {@link #convert}, which checks
   * each cell again.
   */
  public Object[] convertInferred(String[] cells) {
    Object[] values = new Object[sources.length];
    for (int i = 0; i < sources.length; i++) {
      if (sources[i] >= 0) {
        values[i] = CellTypes.fittingValue(cells[sources[i]], types[i]);
      }
    }
    return values;
  }

  private static Object value(String cell, Column column) {
    try {
      return CellTypes.value(cell, column.type());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "column " + column.name() + ": " + e.getMessage() + " (the rows changed after inference)",
          e);
    }
  }

  /** Converters are equal when they convert every row to the same values. */
  @Override
  public boolean equals(Object other) {
    return other instanceof RowConverter converter
        && schema.equals(converter.schema)
        && Arrays.equals(sources, converter.sources);
  }

  @Override
  public int hashCode() {
    return 31 * schema.hashCode() + Arrays.hashCode(sources);
  }
}
