package io.crewexport.schema;

/** The sentences {@link SchemaEvolution} says to the user about a column's type. */
final class Notices {
  private Notices() {}

  static String pinDoesNotFit(InferredColumn column, ColumnType pin, ColumnType type) {
    return describe(column)
        + " is pinned to "
        + pin
        + " but holds values that are not "
        + pin
        + ": it is written as "
        + type
        + " so that no value is lost. Fix the pin, or ask Crewmojo about the values.";
  }

  static String datesInBigint(InferredColumn column) {
    return describe(column)
        + " now holds dates (yyyymmdd), but earlier exports typed it BIGINT, so they are written"
        + " as numbers such as 20240131 and 0 stays 0; suggest pinning column "
        + column.name()
        + " to DATE (partitions written before keep BIGINT: re-export them to read together).";
  }

  static String partitionKeyKept(InferredColumn column) {
    return describe(column)
        + " keeps the name its earlier exports gave it, which is also a partition key of the"
        + " Parquet and CSV folders: read them with hive_partitioning = false to see its values"
        + " (the README, Column names and types, says how to give it a name of its own).";
  }

  static String onlyZeros(InferredColumn column) {
    return describe(column)
        + " held only 0, so it is typed BIGINT; if it is a date column (0 meaning none), pin it"
        + " to DATE now, before dates arrive.";
  }

  private static String describe(InferredColumn column) {
    return "Column '" + column.heading() + "' (" + column.name() + ")";
  }
}
