package io.crewexport.runner.demo;

import static java.util.Objects.requireNonNull;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A directory of invented people in the vendor sample's 31 columns, generated row by row while it
 * streams, so its size is bounded only by {@code rowCount}.
 *
 * <p>The same seed and row count always give the same bytes. Cells mimic a real export: names with
 * accents, CJK and now and then an emoji; {@code Yes}/{@code No} flags; {@code yyyymmdd} dates with
 * {@code 0} for none; numbers; mostly empty cells; list cells such as {@code - Mechanical Plant
 * Engineer (29 Jun 2021)} spanning several lines; cells with commas and quotes.
 *
 * <pre>{@code
 * DemoReport people = GeneratedReport.people();          // 50,000 rows, 3 s to generate
 * GeneratedReport.writeCsv(Path.of("people.csv"), 2_000_000, 42);
 * }</pre>
 *
 * @param id the report id clients download it by
 * @param rowCount how many rows, headings excluded
 * @param seed the seed every cell derives from
 * @param generationTime how long the vendor would take to generate it
 */
public record GeneratedReport(String id, long rowCount, long seed, Duration generationTime)
    implements DemoReport {

  /** The id {@link #people()} serves under. */
  public static final String DEFAULT_ID = "people.directory";

  /** The row count of {@link #people()}. */
  public static final long DEFAULT_ROW_COUNT = 50_000;

  /** The seed of {@link #people()}. */
  public static final long DEFAULT_SEED = 42;

  public GeneratedReport {
    requireNonNull(id, "id");
    requireNonNull(generationTime, "generationTime");
    if (rowCount < 0) {
      throw new IllegalArgumentException("rowCount must not be negative: " + rowCount);
    }
    if (generationTime.isNegative()) {
      throw new IllegalArgumentException("generationTime must not be negative: " + generationTime);
    }
  }

  /**
   * The showcase's long-running report: {@value #DEFAULT_ID}, {@value #DEFAULT_ROW_COUNT} rows, 3 s
   * to generate, so it takes the job path under {@link DemoTimings#demo()}.
   */
  public static GeneratedReport people() {
    return new GeneratedReport(DEFAULT_ID, DEFAULT_ROW_COUNT, DEFAULT_SEED, Duration.ofSeconds(3));
  }

  /** Writes {@code rowCount} generated rows as CSV to {@code out}, flushing but not closing it. */
  public static void writeCsv(OutputStream out, long rowCount, long seed) throws IOException {
    new GeneratedReport(DEFAULT_ID, rowCount, seed, Duration.ZERO).writeCsv(out);
  }

  /** Writes {@code rowCount} generated rows as a CSV file, replacing {@code file} if it exists. */
  public static void writeCsv(Path file, long rowCount, long seed) throws IOException {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      writeCsv(out, rowCount, seed);
    }
  }

  @Override
  public List<String> headings() {
    return PeopleVocabulary.HEADINGS;
  }

  @Override
  public void writeRows(RowSink sink) throws IOException {
    PeopleGenerator generator = new PeopleGenerator(seed);
    for (long index = 0; index < rowCount; index++) {
      sink.accept(generator.row(index));
    }
  }
}
