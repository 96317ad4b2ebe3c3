package io.crewexport.schema;

/**
 * The type of a report column, and the Java class its non-null values have in a {@link
 * io.crewexport.spi.Row}.
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
}
