package io.crewexport.read;

import io.crewexport.schema.RowCells;
import java.io.Closeable;
import java.io.IOException;

/**
 * A source of CSV records as report rows: the first record is the heading row, every later one an
 * array as wide as the headings ({@link #width}), {@code null} for an empty cell, the cells past
 * the last heading counted but not kept. A blank line is skipped, except in a report of one column.
 */
interface CsvRecords extends Closeable {
  /** The most headings a report may have, as FastCSV allows by default. */
  int MAX_COLUMNS = 16_384;

  /**
   * The next record, or {@code null} at the end.
   *
   * @throws CsvSyntaxException if the record breaks the CSV rules
   * @throws java.io.UncheckedIOException wrapping a {@link DecodingReader.InvalidText} for bytes
   *     that are not valid in the charset, or the read's own failure
   */
  String[] next();

  /**
   * The next record as cells to look at, good until the next call, or {@code null} at the end;
   * fails as {@link #next} does. The default makes every cell's String.
   */
  default RowCells nextCells() {
    String[] cells = next();
    return cells == null ? null : column -> cells[column];
  }

  /** Fixes the number of columns once the heading row is read. */
  void width(int columns);

  /** The line on which the current record starts, counting from 1. */
  long line();

  /** The number of cells of the current record, kept or not. */
  int cellCount();

  /** Whether a cell read so far starts with spaces and then a quote. */
  boolean hasSpacedQuote();

  /** See {@link ReportReader#skipText}; the default ignores it. */
  default void skipText(boolean[] unread) {}

  @Override
  void close() throws IOException;

  /** A record that breaks the CSV rules; the message says how, without the line. */
  final class CsvSyntaxException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CsvSyntaxException(String message) {
      super(message);
    }
  }
}
