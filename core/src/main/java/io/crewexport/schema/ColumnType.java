package io.crewexport.schema;

/**
 * The type of a report column, and the Java class its non-null values have in a {@link
 * io.crewexport.spi.Row}.
 *
 * <p>Types only ever widen from one export of a report to the next: BIGINT to DOUBLE to TEXT, DATE
 * to TEXT, BOOLEAN to TEXT. Every value of a type is also a value of the types it widens to, so a
 * widened column still holds every earlier value.
 */
public enum ColumnType {
  /** Any text; values are {@link String}. */
  TEXT(String.class),
  /** Whole numbers; values are {@link Long}. */
  BIGINT(Long.class),
  /** Decimal numbers; values are {@link Double}. */
  DOUBLE(Double.class),
  /** {@code Yes}/{@code No} or {@code true}/{@code false}; values are {@link Boolean}. */
  BOOLEAN(Boolean.class),
  /**
   * The vendor's {@code yyyymmdd} dates, {@code 0} meaning none; values are {@link
   * java.time.LocalDate}.
   */
  DATE(java.time.LocalDate.class);

  private final Class<?> valueClass;

  ColumnType(Class<?> valueClass) {
    this.valueClass = valueClass;
  }

  /** The class of this type's values in a row. */
  public Class<?> valueClass() {
    return valueClass;
  }

  /** The next wider type: DOUBLE for BIGINT, TEXT for the others and for TEXT itself. */
  public ColumnType wider() {
    return this == BIGINT ? DOUBLE : TEXT;
  }

  /** Whether this type is {@code other} or wider than it, so holds all of its values. */
  public boolean holds(ColumnType other) {
    for (ColumnType type = other; ; type = type.wider()) {
      if (type == this) {
        return true;
      }
      if (type == TEXT) {
        return false;
      }
    }
  }
}
