package io.crewexport.sink.csv;

import io.crewexport.spi.ExportTarget;
import io.crewexport.spi.Row;
import io.crewexport.spi.SinkWriter;
import io.crewexport.testing.LargeReport;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * Measures the CSV sink alone: rows of {@link LargeReport}'s shape, made before the clock starts,
 * written and committed, in rounds. Prints, per round, the CPU time of the writing thread (which
 * other work on a shared machine disturbs less than the wall clock) and rows/s. Not a test: run it
 * by hand from the project root.
 *
 * <pre>
 * mvn -B -ntp -o -pl core,sink-csv -am test-compile
 * mvn -B -ntp -o -q -pl sink-csv dependency:build-classpath \
 *     -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
 * java -cp sink-csv/target/classes:sink-csv/target/test-classes:core/target/classes:\
 * core/target/test-classes:$(cat sink-csv/target/test-classpath.txt) \
 *     io.crewexport.sink.csv.CsvSinkBenchmark 1000000 8 /dev/shm/csv-bench
 * </pre>
 *
 * (core's classes come first, before any core jar the class path names.) An output folder in
 * memory, such as {@code /dev/shm}, keeps the disk out of the figures.
 *
 * <p>Arguments, all optional: rows per round, rounds, the output folder, and {@code gzip}.
 */
final class CsvSinkBenchmark {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final int DISTINCT_ROWS = 4096;

  private CsvSinkBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Path out = Path.of(args.length > 2 ? args[2] : "sink-csv/target/csv-bench");
    boolean gzip = args.length > 3 && args[3].equals("gzip");

    Row[] sample = new Row[DISTINCT_ROWS];
    for (int i = 0; i < sample.length; i++) {
      sample[i] = LargeReport.row(i);
    }
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
      try (SinkWriter writer = sink.open(LargeReport.SCHEMA, target)) {
        for (int i = 0; i < rows; i++) {
          writer.write(sample[i & (DISTINCT_ROWS - 1)]);
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
}
