package io.crewexport.read;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.management.OperatingSystemMXBean;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.crewexport.schema.ReportSchema;
import io.crewexport.schema.TypeInference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Measures an export's first pass, read + infer ({@link CsvReportReader} and {@link
 * TypeInference}), against a bare FastCSV parse of the same file (its own records, nothing else),
 * in one JVM, alternating the two so that neither gets the quieter machine. Prints rows/s and MB/s
 * per round, then the best rounds side by side and their ratio, by wall clock and by the process's
 * CPU time (which other work on a shared machine disturbs less). Not a test: run it by hand from
 * the project root.
 *
 * <pre>
 * mvn -B -ntp -o -pl core test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
 * java -Xmx1g -cp core/target/classes:core/target/test-classes:$(cat core/target/test-classpath.txt) \
 *     io.crewexport.read.ReadBenchmark core/target/benchmark.csv 1024 3
 * </pre>
 *
 * Arguments, all optional: the CSV file (written first, by {@link SyntheticReport}, if missing or
 * of another size), its size in MiB, the number of rounds, and {@code bare} or {@code ours} to run
 * one side only (under a profiler).
 */
final class ReadBenchmark {
  private static final OperatingSystemMXBean PROCESS =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  /** Keeps the JIT from dropping work whose result nobody reads. */
  private static volatile long blackhole;

  private static volatile ReportSchema lastSchema;

  private ReadBenchmark() {}

  public static void main(String[] args) throws IOException {
    Path file = Path.of(args.length > 0 ? args[0] : "core/target/benchmark.csv");
    long mebibytes = args.length > 1 ? Long.parseLong(args[1]) : 1024;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    String only = args.length > 3 ? args[3] : "both";
    prepare(file, mebibytes << 20);

    double megabytes = Files.size(file) / 1e6;
    Best bare = new Best("bare FastCSV parse", megabytes);
    Best ours = new Best("read + infer      ", megabytes);
    for (int round = 1; round <= rounds; round++) {
      if (!only.equals("ours")) {
        bare.add(round, time(() -> bareParse(file)));
      }
      if (!only.equals("bare")) {
        ours.add(round, time(() -> readAndInfer(file)));
      }
    }
    System.out.println();
    bare.print();
    ours.print();
    System.out.printf(
        Locale.ROOT,
        "read + infer / bare parse: %.2fx wall clock, %.2fx process CPU%n",
        (double) ours.wall.nanos / bare.wall.nanos,
        (double) ours.cpuNanos / bare.cpuNanos);
    if (lastSchema != null) {
      System.out.println(
          "inferred: "
              + lastSchema.columns().stream().map(c -> c.name() + " " + c.type()).toList());
    }
  }

  private static void prepare(Path file, long bytes) throws IOException {
    if (Files.exists(file) && Math.abs(Files.size(file) - bytes) < bytes / 10) {
      return;
    }
    long start = System.nanoTime();
    SyntheticReport.write(file, bytes);
    System.out.printf(
        Locale.ROOT,
        "wrote %s: %,d bytes in %.1f s%n",
        file,
        Files.size(file),
        (System.nanoTime() - start) / 1e9);
  }

  /** Every record of the file as FastCSV's own records, and nothing else. */
  private static long bareParse(Path file) {
    long rows = 0;
    long cells = 0;
    try (CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(file, UTF_8)) {
      for (CsvRecord record : csv) {
        rows++;
        cells += record.getFieldCount();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    blackhole = cells;
    return rows - 1;
  }

  /** What an export's first pass does: every row read and typed. */
  private static long readAndInfer(Path file) {
    long rows = 0;
    try (ReportReader reader = new CsvReportReader(file, UTF_8, "benchmark")) {
      TypeInference inference = new TypeInference(reader.headings());
      for (String[] row; (row = reader.next()) != null; rows++) {
        inference.accept(row);
      }
      lastSchema = inference.schema();
    }
    return rows;
  }

  private static Timing time(LongSupplier pass) {
    long cpuStart = PROCESS.getProcessCpuTime();
    long start = System.nanoTime();
    long rows = pass.getAsLong();
    return new Timing(rows, System.nanoTime() - start, PROCESS.getProcessCpuTime() - cpuStart);
  }

  /** One pass: rows read, wall-clock time, CPU time of the whole process (JIT and GC included). */
  private record Timing(long rows, long nanos, long cpuNanos) {
    void print(String label, double megabytes) {
      double seconds = nanos / 1e9;
      System.out.printf(
          Locale.ROOT,
          "%s: %,d rows in %.2f s (CPU %.2f s): %,.0f rows/s, %.1f MB/s%n",
          label,
          rows,
          seconds,
          cpuNanos / 1e9,
          rows / seconds,
          megabytes / seconds);
    }
  }

  /** The fastest round of one side, by wall clock and, separately, by CPU time. */
  private static final class Best {
    private final String label;
    private final double megabytes;
    private Timing wall = new Timing(0, Long.MAX_VALUE, Long.MAX_VALUE);
    private long cpuNanos = Long.MAX_VALUE;

    Best(String label, double megabytes) {
      this.label = label;
      this.megabytes = megabytes;
    }

    void add(int round, Timing timing) {
      timing.print("round " + round + " " + label, megabytes);
      wall = timing.nanos < wall.nanos ? timing : wall;
      cpuNanos = Math.min(cpuNanos, timing.cpuNanos);
      blackhole += timing.rows;
    }

    void print() {
      wall.print("best " + label, megabytes);
    }
  }
}
