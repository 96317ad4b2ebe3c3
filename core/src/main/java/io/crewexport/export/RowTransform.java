package io.crewexport.export;

import io.crewexport.schema.ReportSchema;
import io.crewexport.spi.Row;

/**
 * Changes rows before any sink sees them, such as dropping or hashing columns of personal data.
 * Made per export for the schema being written; {@link #schema()} is what the sinks get.
 */
public interface RowTransform {

  /** The schema of the rows {@link #apply} returns. */
  ReportSchema schema();

  /**
   * The row the sinks get for {@code row}, which is typed by the schema the transform was made for.
   */
  Row apply(Row row);

  /** Whether {@link #apply} returns every row as it is; only {@link #identity} says so. */
  default boolean isIdentity() {
    return false;
  }

  /** A transform that changes nothing. */
  static RowTransform identity(ReportSchema schema) {
    return new RowTransform() {
      @Override
      public ReportSchema schema() {
        return schema;
      }

      @Override
      public Row apply(Row row) {
        return row;
      }

      @Override
      public boolean isIdentity() {
        return true;
      }
    };
  }
}
