package io.crewexport.sink.csv;

import static java.nio.charset.StandardCharsets.UTF_8;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import de.siegmar.fastcsv.writer.QuoteStrategies;
import io.crewexport.schema.ReportSchema;
import io.crewexport.spi.Row;
import io.crewexport.spi.files.RowFile;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

/** Formats one export's rows as an RFC 4180 CSV file, gzip-compressed if asked. */
final class CsvFile implements RowFile {
  private static final int GZIP_BUFFER_BYTES = 64 * 1024;

  private final CsvWriter csv;

  private CsvFile(CsvWriter csv) {
    this.csv = csv;
  }

  /** Starts a file on {@code out} with its header record. */
  static CsvFile start(OutputStream out, ReportSchema schema, CsvOptions options)
      throws IOException {
    OutputStream body = options.gzip() ? new GZIPOutputStream(out, GZIP_BUFFER_BYTES) : out;
    CsvWriter csv =
        CsvWriter.builder()
            .lineDelimiter(LineDelimiter.CRLF)
            .quoteStrategy(QuoteStrategies.EMPTY)
            .build(body, UTF_8);
    csv.writeRecord(
        options.header() == CsvOptions.Header.NAMES ? schema.names() : schema.headings());
    return new CsvFile(csv);
  }

  @Override
  public void write(Row row) {
    CsvWriter.CsvWriterRecord record = csv.writeRecord();
    for (int i = 0; i < row.size(); i++) {
      record.writeField(CsvValues.format(row.get(i)));
    }
    record.endRecord();
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
      csv.close();
    } catch (IOException | UncheckedIOException e) {
      // The file is deleted next.
    }
  }
}
