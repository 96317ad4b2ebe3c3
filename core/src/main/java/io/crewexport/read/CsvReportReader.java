package io.crewexport.read;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.crewexport.CrewexportException;
import io.crewexport.ErrorCode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads an RFC 4180 CSV report with FastCSV: quoted cells with commas, quotes and line breaks, CRLF
 * or LF line ends, a UTF-8 byte order mark, a last line without a line end. Bytes that are not
 * valid in the charset and rows longer than the heading row are errors that name the line.
 */
public final class CsvReportReader implements ReportReader {
  private static final char BYTE_ORDER_MARK = '\uFEFF';

  /** The largest single cell accepted, in characters. */
  private static final int MAX_CELL = 256 * 1024 * 1024;

  private final String source;
  private final CsvReader<CsvRecord> csv;
  private final CloseableIterator<CsvRecord> records;
  private final List<String> headings;
  private long lastLine;
  private long padded;

  /**
   * Opens {@code file}.
   *
   * @param source names the report in error messages
   */
  public CsvReportReader(Path file, Charset charset, String source) {
    this.source = source;
    try {
      var decoder =
          charset
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT);
      var text =
          new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder), 1 << 16);
      this.csv =
          CsvReader.builder()
              .allowExtraFields(true)
              .allowMissingFields(true)
              .skipEmptyLines(true)
              .maxBufferSize(MAX_CELL)
              .ofCsvRecord(text);
      this.records = csv.iterator();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open spool file " + file, e);
    }
    this.headings = readHeadings();
  }

  @Override
  public List<String> headings() {
    return headings;
  }

  @Override
  public String[] next() {
    CsvRecord record = nextRecord();
    if (record == null) {
      return null;
    }
    int count = record.getFieldCount();
    if (count > headings.size()) {
      throw malformed(
          "line "
              + record.getStartingLineNumber()
              + " has "
              + count
              + " cells but the heading row"
              + " has "
              + headings.size());
    }
    if (count < headings.size()) {
      padded++;
    }
    String[] cells = new String[headings.size()];
    for (int i = 0; i < count; i++) {
      String cell = record.getField(i);
      cells[i] = cell.isEmpty() ? null : cell;
    }
    return cells;
  }

  @Override
  public long paddedRows() {
    return padded;
  }

  @Override
  public void close() {
    try {
      csv.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<String> readHeadings() {
    CsvRecord first = nextRecord();
    if (first == null) {
      throw malformed("the body is empty: no heading row");
    }
    List<String> fields = first.getFields();
    if (!fields.isEmpty()
        && !fields.get(0).isEmpty()
        && fields.get(0).charAt(0) == BYTE_ORDER_MARK) {
      fields = new java.util.ArrayList<>(fields);
      fields.set(0, fields.get(0).substring(1));
    }
    return List.copyOf(fields);
  }

  private CsvRecord nextRecord() {
    try {
      if (!records.hasNext()) {
        return null;
      }
      CsvRecord record = records.next();
      lastLine = record.getStartingLineNumber();
      return record;
    } catch (UncheckedIOException e) {
      if (e.getCause() instanceof CharacterCodingException) {
        throw malformed(
            "bytes after line " + lastLine + " are not valid " + "text in the declared charset");
      }
      throw e;
    } catch (de.siegmar.fastcsv.reader.CsvParseException e) {
      throw malformed("after line " + lastLine + ": " + e.getMessage());
    }
  }

  private CrewexportException malformed(String detail) {
    return new CrewexportException(
        ErrorCode.MALFORMED_REPORT,
        source
            + ": the CSV body cannot be read: "
            + detail
            + ". Nothing was written; report the"
            + " body to Crewmojo, or export with --format json.");
  }
}
