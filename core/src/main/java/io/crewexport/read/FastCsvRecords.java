package io.crewexport.read;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;

/** The records of a body in any charset, parsed by FastCSV over a strict {@link DecodingReader}. */
final class FastCsvRecords implements CsvRecords {
  private final RowHandler handler = new RowHandler();
  private final CsvReader<String[]> csv;
  private final CloseableIterator<String[]> records;

  /**
   * Reads from {@code in}, which this closes.
   *
   * @param maxRecord the longest record accepted, in chars
   */
  FastCsvRecords(InputStream in, Charset charset, int maxRecord) {
    this.csv =
        CsvReader.builder()
            .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
            .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
            .allowUnclosedQuote(false)
            .skipEmptyLines(true)
            .maxBufferSize(maxRecord)
            .build(handler, new DecodingReader(in, charset));
    this.records = csv.iterator();
  }

  @Override
  public String[] next() {
    try {
      return records.hasNext() ? records.next() : null;
    } catch (CsvParseException e) {
      String detail = e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
      // FastCSV names the line too; the reader says it once.
      throw new CsvSyntaxException(detail.replaceFirst(" \\(record starting at line \\d+\\)$", ""));
    }
  }

  @Override
  public void width(int columns) {
    handler.width(columns);
  }

  @Override
  public long line() {
    return handler.line();
  }

  @Override
  public int cellCount() {
    return handler.cellCount();
  }

  @Override
  public boolean hasSpacedQuote() {
    return handler.hasSpacedQuote();
  }

  @Override
  public void close() throws IOException {
    csv.close();
  }
}
