package io.crewexport.schema;

import static java.util.Objects.requireNonNull;

import java.util.EnumSet;
import java.util.Set;

/**
 * What the values of one column fit, over one export: the types every non-empty value is a value
 * of. A column without values fits every type, so it never forces a stored type to widen.
 *
 * @param types every type that all the column's values fit; TEXT always
 * @param hasValues whether the column held any non-empty value
 * @param realDates whether a value was a real date, not only the vendor's {@code 0} for none
 */
public record ColumnFit(Set<ColumnType> types, boolean hasValues, boolean realDates) {
  /** The fit of a column that held no value. */
  public static final ColumnFit EMPTY =
      new ColumnFit(EnumSet.allOf(ColumnType.class), false, false);

  public ColumnFit {
    types = Set.copyOf(requireNonNull(types, "types"));
    if (!types.contains(ColumnType.TEXT)) {
      throw new IllegalArgumentException("every value fits TEXT: " + types);
    }
  }

  /** Whether every value fits {@code type}. */
  public boolean fits(ColumnType type) {
    return types.contains(type);
  }

  /**
   * The type inference gives the column with nothing else to go on: DATE when the values are dates
   * or {@code 0} and at least one is a real date, else BOOLEAN, BIGINT, DOUBLE, in that order, for
   * the first that every value fits; TEXT for a column without values or that fits nothing else.
   */
  public ColumnType inferred() {
    if (!hasValues) {
      return ColumnType.TEXT;
    }
    if (realDates && fits(ColumnType.DATE)) {
      return ColumnType.DATE;
    }
    for (ColumnType type : new ColumnType[] {ColumnType.BOOLEAN, ColumnType.BIGINT}) {
      if (fits(type)) {
        return type;
      }
    }
    return widen(ColumnType.DOUBLE);
  }

  /** The narrowest type that every value fits among {@code start} and the types it widens to. */
  public ColumnType widen(ColumnType start) {
    ColumnType type = start;
    while (!fits(type)) {
      type = type.wider();
    }
    return type;
  }

  /** Whether the column held values, and all of them were the vendor's {@code 0} for no date. */
  public boolean onlyNoDates() {
    return hasValues && !realDates && fits(ColumnType.DATE);
  }
}
