package io.crewexport.sink.csv;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.crewexport.read.ReportReader;
import io.crewexport.read.ReportReaders;
import io.crewexport.schema.CellTypes;
import io.crewexport.schema.ReportSchema;
import io.crewexport.schema.TypeInference;
import io.crewexport.spi.ExportTarget;
import io.crewexport.spi.Row;
import io.crewexport.spi.SinkWriter;
import io.crewexport.testing.LargeReport;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measures the CSV sink alone: rows of {@link LargeReport}'s shape, or the first rows of a CSV file
 * such as the benchmark module's generated report, typed as an export types them, made before the
 * clock starts, written and committed, in rounds. Prints, per round, the CPU time of the writing
 * thread (which other work on a shared machine disturbs less than the wall clock) and rows/s. Not a
 * test: run it by hand from the project root.
 *
 * <pre>
 * mvn -B -ntp -o -pl core,sink-csv -am test-compile
 * mvn -B -ntp -o -q -pl sink-csv dependency:build-classpath \
 *     -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
 * java -cp sink-csv/target/classes:sink-csv/target/test-classes:core/target/classes:\
 * core/target/test-classes:$(cat sink-csv/target/test-classpath.txt) \
 *     io.crewexport.sink.csv.CsvSinkBenchmark 2000000 8 /dev/shm/csv-bench plain people.csv
 * </pre>
 *
 * (core's classes come first, before any core jar the class path names.) An output folder in
 * memory, such as {@code /dev/shm}, keeps the disk out of the figures.
 *
 * <p>Arguments, all optional: rows per round, rounds, the output folder, {@code gzip} or {@code
 * plain}, and a UTF-8 CSV file whose first {@value #FILE_ROWS} rows are written over and over.
 */
final class CsvSinkBenchmark {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final int DISTINCT_ROWS = 4096;
  private static final int FILE_ROWS = 65_536;

  private CsvSinkBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Path out = Path.of(args.length > 2 ? args[2] : "sink-csv/target/csv-bench");
    boolean gzip = args.length > 3 && args[3].equals("gzip");
    Sample sample = args.length > 4 ? Sample.read(Path.of(args[4])) : Sample.largeReport();

    CsvSink sink = new CsvSink();
    for (int round = 1; round <= rounds; round++) {
      ExportTarget target =
          new ExportTarget(
              LargeReport.REPORT_ID,
              LargeReport.PERIOD,
              "round" + round,
              Instant.now(),
              out.toString(),
              Map.of(CsvOptions.GZIP, Boolean.toString(gzip)));
      long cpu = THREADS.getCurrentThreadCpuTime();
      long wall = System.nanoTime();
      try (SinkWriter writer = sink.open(sample.schema, target)) {
        for (int i = 0; i < rows; i++) {
          writer.write(sample.rows[i % sample.rows.length]);
        }
        writer.commit();
      }
      double cpuSeconds = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e9;
      double wallSeconds = (System.nanoTime() - wall) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "round %d: %.2f CPU s, %.2f s, %,.0f rows/s (CPU), %.1f MB written%n",
          round,
          cpuSeconds,
          wallSeconds,
          rows / cpuSeconds,
          Files.size(published(out, gzip)) / 1e6);
    }
  }

  private static Path published(Path out, boolean gzip) throws Exception {
    try (var files = Files.walk(out.resolve("csv"))) {
      String ending = gzip ? ".csv.gz" : ".csv";
      return files.filter(file -> file.toString().endsWith(ending)).findFirst().orElseThrow();
    }
  }

  /** The rows written over and over, made as the exporter makes them, for their schema. */
  private record Sample(ReportSchema schema, Row[] rows) {

    static Sample largeReport() {
      Row[] rows = new Row[DISTINCT_ROWS];
      for (int i = 0; i < rows.length; i++) {
        rows[i] = LargeReport.row(i);
      }
      return new Sample(LargeReport.SCHEMA, rows);
    }

    /** The file's first rows, typed by inference over them. */
    static Sample read(Path file) {
      List<String[]> cells = new ArrayList<>();
      ReportSchema schema;
      try (ReportReader reader = ReportReaders.open(file, UTF_8, false, file.toString())) {
        TypeInference inference = new TypeInference(reader.headings());
        for (String[] row; cells.size() < FILE_ROWS && (row = reader.next()) != null; ) {
          inference.accept(row);
          cells.add(row);
        }
        schema = inference.schema();
      }
      Row[] rows = new Row[cells.size()];
      for (int i = 0; i < rows.length; i++) {
        rows[i] = Row.wrapFitting(schema, typed(schema, cells.get(i)));
      }
      return new Sample(schema, rows);
    }

    private static Object[] typed(ReportSchema schema, String[] cells) {
      Object[] values = new Object[cells.length];
      for (int column = 0; column < cells.length; column++) {
        values[column] = CellTypes.value(cells[column], schema.column(column).type());
      }
      return values;
    }
  }
}
