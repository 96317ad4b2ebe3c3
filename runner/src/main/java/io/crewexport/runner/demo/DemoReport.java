package io.crewexport.runner.demo;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

/**
 * A report the demo server can serve: its id, its column headings, how long the vendor would take
 * to generate it, and its rows, produced on demand so that a large report never sits in memory.
 *
 * <pre>{@code
 * DemoReport tiny = new DemoReport() {
 *   public String id() { return "teams.list"; }
 *   public List<String> headings() { return List.of("Team", "Members"); }
 *   public Duration generationTime() { return Duration.ZERO; }
 *   public void writeRows(RowSink sink) throws IOException {
 *     sink.accept(List.of("Construction", "12"));
 *   }
 * };
 * }</pre>
 *
 * <p>Implementations must be safe to stream from several threads at once: the server may serve the
 * same report to concurrent downloads.
 */
public interface DemoReport {

  /** The id the client names in the download URL, such as {@code oneonone.summary}. */
  String id();

  /** The column headings in order; two headings may be equal, as in the vendor's sample. */
  List<String> headings();

  /**
   * How long the vendor would take to generate this report. Longer than the server's job threshold
   * means the download takes the job path.
   */
  Duration generationTime();

  /**
   * Hands every row, in order, to {@code sink}; each row has one cell per heading.
   *
   * @throws IOException when the sink fails, typically because the client went away
   */
  void writeRows(RowSink sink) throws IOException;

  /**
   * Writes the report as UTF-8 CSV (RFC 4180, CRLF line ends, headings first) to {@code out},
   * flushing but not closing it.
   */
  default void writeCsv(OutputStream out) throws IOException {
    Writer writer = new BufferedWriter(new OutputStreamWriter(out, UTF_8), 1 << 16);
    CsvRowWriter csv = new CsvRowWriter(writer);
    csv.write(headings());
    writeRows(csv::write);
    writer.flush();
  }

  /**
   * The exact length in bytes of what {@link #writeCsv} writes, if known in advance: the server
   * then sends it with a {@code Content-Length} instead of in chunks, as a vendor serving a file
   * would. Empty by default.
   */
  default OptionalLong csvLength() {
    return OptionalLong.empty();
  }

  /** Receives the rows of a report, one at a time. */
  @FunctionalInterface
  interface RowSink {

    /** Takes one row. The report may reuse the list once this returns: copy it to keep it. */
    void accept(List<String> cells) throws IOException;
  }
}
