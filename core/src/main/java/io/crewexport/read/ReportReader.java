package io.crewexport.read;

import io.crewexport.schema.RowCells;
import java.io.Closeable;
import java.util.List;

/**
 * Streams the rows of a downloaded report as text, one row at a time.
 *
 * <pre>{@code
 * try (ReportReader reader = ReportReaders.open(file, charset, json)) {
 *   for (String[] row; (row = reader.next()) != null; ) { ... }
 * }
 * }</pre>
 */
public interface ReportReader extends Closeable {

  /** The vendor's headings, in order; repeated headings stay repeated. */
  List<String> headings();

  /**
   * The next row, as many cells as headings, {@code null} for a missing or empty cell; or {@code
   * null} at the end. The array belongs to the caller.
   *
   * @throws io.crewexport.CrewexportException with code {@code MALFORMED_REPORT}, naming the line,
   *     when the body cannot be read
   */
  String[] next();

  /**
   * The next row as {@link #next} reads it, but as cells to look at rather than an array of
   * Strings, good only until the next call; or {@code null} at the end. For a caller that only
   * looks, such as type inference: a reader may then make no String of a cell (the default makes
   * them all). The cell of a column marked unread ({@link #skipText}) may be given or null.
   *
   * @throws io.crewexport.CrewexportException as {@link #next} does, for the same bodies
   */
  default RowCells nextCells() {
    String[] cells = next();
    return cells == null ? null : column -> cells[column];
  }

  /** Rows that had fewer cells than headings and were padded with nulls. */
  long paddedRows();

  /**
   * Whether a cell read so far, headings included, starts with spaces and then a quote, such as
   * {@code "x"}: read as it stands, quotes and spaces kept, as RFC 4180 says, where bulk CSV
   * readers such as DuckDB's drop the spaces and unquote it.
   */
  default boolean hasSpacedQuote() {
    return false;
  }

  /**
   * Lets later rows leave {@code null} in the cells of the columns marked in {@code unread}, whose
   * text nobody reads; their bytes are still checked, and fail the read as before. A reader may
   * ignore it, as the default does.
   */
  default void skipText(boolean[] unread) {}

  @Override
  void close();
}
