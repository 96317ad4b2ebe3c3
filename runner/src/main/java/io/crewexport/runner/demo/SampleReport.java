package io.crewexport.runner.demo;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;

/**
 * The vendor's own example answer (31 columns, 3 rows, CRLF lines, a duplicated heading), read from
 * the class-path resource {@value #RESOURCE} that ships in crewexport-core.
 *
 * <p>As CSV it is served byte for byte as the vendor wrote it; as JSON it is parsed first.
 *
 * <pre>{@code
 * DemoReport sample = SampleReport.load();                                  // oneonone.summary
 * DemoReport slow = SampleReport.load("oneonone.detail", Duration.ofSeconds(3));
 * }</pre>
 */
public final class SampleReport implements DemoReport {

  /** The class-path location of the vendor's sample. */
  public static final String RESOURCE = "/io/crewexport/samples/vendor-sample.csv";

  /** The id the vendor uses in its documentation. */
  public static final String DEFAULT_ID = "oneonone.summary";

  private final String id;
  private final Duration generationTime;
  private final byte[] csv;
  private final List<String> headings;
  private final List<List<String>> rows;

  private SampleReport(String id, Duration generationTime, byte[] csv) {
    this.id = requireNonNull(id, "id");
    this.generationTime = requireNonNull(generationTime, "generationTime");
    this.csv = csv;
    List<List<String>> records = parse(csv);
    this.headings = records.get(0);
    this.rows = records.subList(1, records.size());
  }

  /** The sample under its usual id {@value #DEFAULT_ID}, generated instantly. */
  public static SampleReport load() {
    return load(DEFAULT_ID, Duration.ZERO);
  }

  /** The sample under another id, taking {@code generationTime} to generate. */
  public static SampleReport load(String id, Duration generationTime) {
    return new SampleReport(id, generationTime, readResource());
  }

  /** The sample exactly as the vendor wrote it. */
  public byte[] csvBytes() {
    return csv.clone();
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public List<String> headings() {
    return headings;
  }

  @Override
  public Duration generationTime() {
    return generationTime;
  }

  @Override
  public void writeRows(RowSink sink) throws IOException {
    for (List<String> row : rows) {
      sink.accept(row);
    }
  }

  /** Writes the vendor's bytes unchanged, so clients meet its exact quoting and line ends. */
  @Override
  public void writeCsv(OutputStream out) throws IOException {
    out.write(csv);
    out.flush();
  }

  private static byte[] readResource() {
    try (InputStream in = SampleReport.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "The vendor sample " + RESOURCE + " is not on the class path: add crewexport-core.");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the vendor sample " + RESOURCE, e);
    }
  }

  private static List<List<String>> parse(byte[] csv) {
    try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(new String(csv, UTF_8))) {
      return reader.stream().map(record -> List.copyOf(record.getFields())).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot parse the vendor sample " + RESOURCE, e);
    }
  }
}
