package io.crewexport.read;

import io.crewexport.CrewexportException;
import io.crewexport.ErrorCode;
import io.crewexport.schema.RowCells;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * Reads an RFC 4180 CSV report, a UTF-8 one straight from its bytes ({@link Utf8CsvRecords}), one
 * in another charset with FastCSV ({@link FastCsvRecords}): quoted cells with commas, quotes and
 * line breaks, CRLF, LF or CR line ends, a byte order mark, a last line without a line end, blank
 * lines (skipped, unless the report has one column). These are errors that name the line, counting
 * from 1 as a text editor does (a quoted line break starts a new line): bytes that are not valid in
 * the charset, a row with more cells than headings, a quote left open, a record over {@value
 * #MAX_RECORD} bytes (UTF-8) or characters (other charsets) and a heading row over {@value
 * CsvRecords#MAX_COLUMNS} cells. A row with fewer cells than headings is padded with nulls and
 * counted.
 *
 * <p>One row at a time is held, never the file.
 */
public final class CsvReportReader implements ReportReader {
  /** The longest record accepted: characters, or bytes for UTF-8. */
  static final int MAX_RECORD = 64 * 1024 * 1024;

  private final Path file;
  private final Charset charset;
  private final String source;
  private final CsvRecords records;
  private final List<String> headings;
  private long padded;

  /**
   * Opens {@code file}.
   *
   * @param source names the report in error messages
   */
  public CsvReportReader(Path file, Charset charset, String source) {
    this(file, open(file), charset, source);
  }

  /**
   * Reads {@code file} from {@code in}, a stream of its bytes from the first, such as one that
   * waits for a file still being written; the reader closes it.
   *
   * @param source names the report in error messages
   */
  public CsvReportReader(Path file, InputStream in, Charset charset, String source) {
    this.file = file;
    this.charset = charset;
    this.source = source;
    // UTF-8, the vendor's charset, is parsed from its bytes; other charsets decoded first.
    this.records =
        charset.equals(StandardCharsets.UTF_8)
            ? new Utf8CsvRecords(in, MAX_RECORD)
            : new FastCsvRecords(in, charset, MAX_RECORD);
    try {
      this.headings = readHeadings();
    } catch (RuntimeException e) {
      closeAfter(e);
      throw e;
    }
  }

  @Override
  public List<String> headings() {
    return headings;
  }

  @Override
  public String[] next() {
    return counted(nextRecord(records::next));
  }

  @Override
  public RowCells nextCells() {
    return counted(nextRecord(records::nextCells));
  }

  /** The record, once its cells are counted against the headings. */
  private <T> T counted(T cells) {
    if (cells == null) {
      return null;
    }
    int count = records.cellCount();
    if (count > headings.size()) {
      throw malformed(
          "line "
              + records.line()
              + " has "
              + count
              + " cells but the heading row has "
              + headings.size());
    }
    if (count < headings.size()) {
      padded++;
    }
    return cells;
  }

  @Override
  public long paddedRows() {
    return padded;
  }

  @Override
  public boolean hasSpacedQuote() {
    return records.hasSpacedQuote();
  }

  @Override
  public void skipText(boolean[] unread) {
    records.skipText(unread);
  }

  @Override
  public void close() {
    try {
      records.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void closeAfter(RuntimeException failure) {
    try {
      records.close();
    } catch (IOException e) {
      failure.addSuppressed(e);
    }
  }

  private List<String> readHeadings() {
    String[] cells = nextRecord(records::next);
    if (cells == null) {
      throw malformed("the body is empty: no heading row");
    }
    if (records.cellCount() > CsvRecords.MAX_COLUMNS) {
      throw malformed(
          "line "
              + records.line()
              + ", the heading row, has "
              + records.cellCount()
              + " cells; at most "
              + CsvRecords.MAX_COLUMNS
              + " columns are supported");
    }
    records.width(cells.length);
    return List.of(cells);
  }

  private <T> T nextRecord(Supplier<T> record) {
    try {
      return record.get();
    } catch (UncheckedIOException e) {
      if (e.getCause() instanceof DecodingReader.InvalidText invalid) {
        throw malformed(invalid.describe(file, charset));
      }
      throw e;
    } catch (CsvRecords.CsvSyntaxException e) {
      throw malformed("the record starting on line " + records.line() + ": " + e.getMessage());
    }
  }

  private CrewexportException malformed(String detail) {
    return new CrewexportException(
        ErrorCode.MALFORMED_REPORT,
        source
            + ": the CSV body cannot be read: "
            + detail
            + ". Nothing was written; report the body to Crewmojo, or export with --format json.");
  }

  private static InputStream open(Path file) {
    try {
      return Files.newInputStream(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open spool file " + file, e);
    }
  }
}
