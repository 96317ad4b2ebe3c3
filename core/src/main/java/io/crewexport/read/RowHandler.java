package io.crewexport.read;

import de.siegmar.fastcsv.reader.CsvCallbackHandler;
import de.siegmar.fastcsv.reader.RecordType;
import java.util.Arrays;

/**
 * Builds FastCSV's records straight into report rows: the first record is the heading row, every
 * later one an array as wide as the headings, {@code null} for an empty cell, with the cells past
 * the last heading counted but not kept (so a line of a million commas costs no memory).
 *
 * <p>A blank line is skipped, except in a report of one column, where it is a row whose one cell is
 * empty: that is how such a row is written.
 */
final class RowHandler extends CsvCallbackHandler<String[]> {
  private int width = -1;
  private String[] cells = new String[64];
  private int count;
  private long line;
  private RecordType type = RecordType.DATA;
  private boolean spacedQuote;

  /** Fixes the number of columns once the heading row is read. */
  void width(int columns) {
    this.width = columns;
  }

  /** The line on which the current record starts, counting from 1. */
  long line() {
    return line;
  }

  /** Whether a cell read so far starts with spaces and then a quote. */
  boolean hasSpacedQuote() {
    return spacedQuote;
  }

  /** The number of cells of the current record, kept or not. */
  int cellCount() {
    return count;
  }

  @Override
  protected RecordType getRecordType() {
    return type;
  }

  @Override
  protected int getFieldCount() {
    return count;
  }

  @Override
  protected void beginRecord(long startingLineNumber) {
    line = startingLineNumber;
    count = 0;
    type = RecordType.DATA;
    cells = width < 0 ? cells : new String[width];
  }

  @Override
  protected void addField(char[] buffer, int offset, int length, boolean quoted) {
    if (!quoted && length > 0 && buffer[offset] == ' ') {
      spacedQuote |= startsWithSpacesThenQuote(buffer, offset, length);
    }
    if (width < 0) {
      addHeading(new String(buffer, offset, length));
    } else if (count < width) {
      cells[count] = length == 0 ? null : new String(buffer, offset, length);
    }
    count++;
  }

  private static boolean startsWithSpacesThenQuote(char[] buffer, int offset, int length) {
    int i = offset;
    while (i < offset + length && buffer[i] == ' ') {
      i++;
    }
    return i < offset + length && buffer[i] == '"';
  }

  private void addHeading(String heading) {
    if (count == cells.length && count < CsvRecords.MAX_COLUMNS) {
      cells = Arrays.copyOf(cells, Math.min(cells.length * 2, CsvRecords.MAX_COLUMNS));
    }
    if (count < cells.length) {
      cells[count] = heading;
    }
  }

  @Override
  protected void setComment(char[] buffer, int offset, int length) {
    // Comments are off in the reader: a '#' is data.
    type = RecordType.COMMENT;
  }

  @Override
  protected void setEmpty() {
    if (width == 1) {
      count = 1;
    } else {
      type = RecordType.EMPTY;
    }
  }

  @Override
  protected String[] buildRecord() {
    return width < 0 ? Arrays.copyOf(cells, Math.min(count, cells.length)) : cells;
  }
}
