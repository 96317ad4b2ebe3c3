package io.crewexport.bench;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.crewexport.runner.demo.DemoReport;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

/**
 * A report the demo server streams from a CSV file, byte for byte, so the exporter downloads
 * exactly the file DuckDB reads. With {@code copies} above one, the rows follow themselves that
 * many times under one heading row: a large report without a large file.
 *
 * @param id the report id
 * @param file a UTF-8 CSV file with a heading row whose cells hold no line break
 * @param copies how many times the rows are sent
 */
record FileReport(String id, Path file, int copies) implements DemoReport {
  /**
   * The server sends the file in writes this large, which pass the server's own buffer: it runs on
   * the cores the export uses, and at 8 KiB a read it took about 0.45 CPU s per 460 MB.
   */
  private static final int SEND_BUFFER_BYTES = 1024 * 1024;

  FileReport {
    requireNonNull(id, "id");
    requireNonNull(file, "file");
    if (copies < 1) {
      throw new IllegalArgumentException("copies must be at least 1: " + copies);
    }
  }

  /** The body's size in bytes. */
  long bytes() {
    try {
      long heading = headingLength();
      return heading + copies * (Files.size(file) - heading);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public List<String> headings() {
    try (CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(file)) {
      return csv.stream().findFirst().orElseThrow().getFields();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public OptionalLong csvLength() {
    return OptionalLong.of(bytes());
  }

  @Override
  public Duration generationTime() {
    return Duration.ZERO;
  }

  /** Streams the file's bytes: the heading row once, then the rows {@code copies} times. */
  @Override
  public void writeCsv(OutputStream out) throws IOException {
    long heading = headingLength();
    byte[] buffer = new byte[SEND_BUFFER_BYTES];
    for (int copy = 0; copy < copies; copy++) {
      try (InputStream in = Files.newInputStream(file)) {
        if (copy > 0) {
          in.skipNBytes(heading);
        }
        for (int n; (n = in.readNBytes(buffer, 0, buffer.length)) > 0; ) {
          out.write(buffer, 0, n);
        }
      }
    }
    out.flush();
  }

  /** The rows as cells, for a download that asks for JSON. */
  @Override
  public void writeRows(RowSink sink) throws IOException {
    for (int copy = 0; copy < copies; copy++) {
      try (CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(file, UTF_8)) {
        for (CsvRecord record : (Iterable<CsvRecord>) csv.stream().skip(1)::iterator) {
          sink.accept(record.getFields());
        }
      }
    }
  }

  /** The bytes of the heading row and its line end. */
  private long headingLength() throws IOException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      long length = 0;
      for (int b; (b = in.read()) >= 0; ) {
        length++;
        if (b == '\n') {
          return length;
        }
      }
      throw new IOException(
          file
              + (length == 0
                  ? " is empty: the benchmark needs a CSV file with a heading row"
                  : " has no line end after its heading row"));
    }
  }
}
