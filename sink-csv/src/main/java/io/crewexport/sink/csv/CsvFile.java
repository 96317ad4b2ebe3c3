package io.crewexport.sink.csv;

import io.crewexport.schema.ReportSchema;
import io.crewexport.spi.Row;
import io.crewexport.spi.files.RowFile;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Formats one export's rows as an RFC 4180 CSV file, gzip-compressed if asked. Texts are kept as
 * they are, dates are ISO ({@code 2024-01-31}), booleans {@code true}/{@code false}, doubles as
 * {@link CsvValues#formatDouble} writes them; a missing value is an empty field.
 */
final class CsvFile implements RowFile {
  private final OutputStream body;
  private final CsvOutput csv;

  private CsvFile(OutputStream body) {
    this.body = body;
    this.csv = new CsvOutput(body);
  }

  /** Starts a file on {@code out} with its header record. */
  static CsvFile start(OutputStream out, ReportSchema schema, CsvOptions options)
      throws IOException {
    OutputStream body = options.gzip() ? new GZIPOutputStream(out, CsvOutput.BUFFER_BYTES) : out;
    CsvFile file = new CsvFile(body);
    file.header(options.header() == CsvOptions.Header.NAMES ? schema.names() : schema.headings());
    return file;
  }

  @Override
  public void write(Row row) throws IOException {
    int size = row.size();
    for (int i = 0; i < size; i++) {
      if (i > 0) {
        csv.separator();
      }
      field(row.get(i), i == 0);
    }
    csv.endRecord();
  }

  @Override
  public void finish() throws IOException {
    // Closing ends the gzip stream with its trailer; the staging stream under it is only flushed.
    csv.close();
  }

  @Override
  public void release() {
    try {
      // Ends the gzip compressor, which holds native memory until then.
      body.close();
    } catch (IOException e) {
      // The file is deleted next.
    }
  }

  private void header(List<String> texts) throws IOException {
    for (int i = 0; i < texts.size(); i++) {
      if (i > 0) {
        csv.separator();
      }
      csv.text(texts.get(i), i == 0);
    }
    csv.endRecord();
  }

  // The most frequent types first; the writer checked every value against its column's type.
  private void field(Object value, boolean first) throws IOException {
    if (value instanceof String text) {
      csv.text(text, first);
    } else if (value == null) {
      return;
    } else if (value instanceof LocalDate date) {
      csv.date(date);
    } else if (value instanceof Boolean bool) {
      csv.bool(bool);
    } else if (value instanceof Long number) {
      csv.number(number);
    } else if (value instanceof Double number) {
      csv.ascii(CsvValues.formatDouble(number));
    } else {
      csv.text(value.toString(), first);
    }
  }
}
