package io.crewexport.sink.csv;

import static java.nio.charset.StandardCharsets.UTF_8;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import de.siegmar.fastcsv.writer.QuoteStrategies;
import io.crewexport.spi.Row;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * The CSV sink's output as it was when FastCSV's writer wrote it, the reference {@link CsvFile}'s
 * bytes must equal: CRLF, quotes only where needed and around an empty text, values as {@code
 * toString()} but doubles in plain decimals through {@code BigDecimal}.
 */
final class FastCsvReference {
  private FastCsvReference() {}

  /** The file of {@code header} then {@code rows}, gzip-compressed if asked. */
  static byte[] write(List<String> header, List<Row> rows, boolean gzip) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    OutputStream body = gzip ? new GZIPOutputStream(bytes, 64 * 1024) : bytes;
    try (CsvWriter csv =
        CsvWriter.builder()
            .lineDelimiter(LineDelimiter.CRLF)
            .quoteStrategy(QuoteStrategies.EMPTY)
            .build(body, UTF_8)) {
      csv.writeRecord(header);
      for (Row row : rows) {
        CsvWriter.CsvWriterRecord record = csv.writeRecord();
        for (int i = 0; i < row.size(); i++) {
          record.writeField(format(row.get(i)));
        }
        record.endRecord();
      }
    }
    return bytes.toByteArray();
  }

  /** A double as the sink wrote it through {@code BigDecimal}. */
  static String formatDouble(double number) {
    double magnitude = Math.abs(number);
    if (Double.isNaN(number)
        || Double.isInfinite(number)
        || number == 0
        || magnitude < 1e-7
        || magnitude >= 1e21) {
      return Double.toString(number);
    }
    String plain = BigDecimal.valueOf(number).toPlainString();
    return plain.indexOf('.') < 0 ? plain + ".0" : plain;
  }

  private static String format(Object value) {
    if (value instanceof Double number) {
      return formatDouble(number);
    }
    return value == null ? null : value.toString();
  }
}
