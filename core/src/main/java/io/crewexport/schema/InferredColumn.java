package io.crewexport.schema;

import static java.util.Objects.requireNonNull;

/**
 * One column as inference saw it in one export.
 *
 * @param heading the vendor's heading
 * @param name the column's unique safe name
 * @param fit what its values fit
 */
public record InferredColumn(String heading, String name, ColumnFit fit) {
  public InferredColumn {
    requireNonNull(heading, "heading");
    requireNonNull(name, "name");
    requireNonNull(fit, "fit");
  }
}
