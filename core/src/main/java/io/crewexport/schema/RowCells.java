package io.crewexport.schema;

/**
 * One row's cells where a reader holds them, for {@link TypeInference}: a cell is looked at in
 * place, without a String made of it, and is good only until the reader moves on.
 */
@FunctionalInterface
public interface RowCells {
  /**
   * The text of cell {@code column} (counting from 0, below the number of headings), or {@code
   * null} or an empty text for an empty cell.
   */
  CharSequence cell(int column);
}
