package io.crewexport.spi;

import static java.util.Objects.requireNonNull;

import io.crewexport.schema.ReportSchema;

/**
 * The check of {@link Row#requireFits}, made once per export and cheap per row, for a sink that
 * checks every row it is given (rows may come from user code, such as a plugin calling {@link
 * SinkWriter#write}).
 *
 * <pre>{@code
 * RowCheck check = RowCheck.of(schema);
 * for (Row row : rows) {
 *   check.require(row); // throws as row.requireFits(schema) does
 * }
 * }</pre>
 */
public final class RowCheck {
  private final ReportSchema schema;
  private final Class<?>[] valueClasses;

  private RowCheck(ReportSchema schema) {
    this.schema = schema;
    this.valueClasses = new Class<?>[schema.size()];
    for (int i = 0; i < valueClasses.length; i++) {
      valueClasses[i] = schema.column(i).type().valueClass();
    }
  }

  /** The check of rows against {@code schema}. */
  public static RowCheck of(ReportSchema schema) {
    return new RowCheck(requireNonNull(schema, "schema"));
  }

  /**
   * Throws unless {@code row} fits the schema, exactly when {@link Row#requireFits} would.
   *
   * @throws IllegalArgumentException naming the column that does not fit
   */
  public void require(Row row) {
    if (row.madeFor(schema)) {
      // Typed for this very schema by the exporter: the per-value check was a tenth of a CSV
      // sink's time and can only pass.
      return;
    }
    if (row.size() != valueClasses.length) {
      row.requireFits(schema);
    }
    for (int i = 0; i < valueClasses.length; i++) {
      Object value = row.get(i);
      // Comparing classes first is the whole saving: every value class is final, so this is the
      // common case, and a subclass (should one ever appear) still passes the exact check.
      if (value != null
          && value.getClass() != valueClasses[i]
          && !valueClasses[i].isInstance(value)) {
        row.requireFits(schema);
      }
    }
  }
}
