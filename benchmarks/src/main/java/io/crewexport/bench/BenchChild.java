package io.crewexport.bench;

import java.nio.file.Files;

/**
 * The entry point of a child JVM: runs one task, times it, and writes a {@link Measurement} as JSON
 * to the file named by {@code result=}.
 */
public final class BenchChild {
  private BenchChild() {}

  public static void main(String[] args) throws Exception {
    ChildArgs arguments = ChildArgs.parse(args);
    ChildTask task = task(arguments);

    ProcessMemory memory = ProcessMemory.watch();
    double cpuAtStart = ProcessMemory.processCpuSeconds();
    long start = System.nanoTime();
    ChildTask.Outcome outcome = task.run();
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = ProcessMemory.processCpuSeconds() - cpuAtStart;

    Measurement measurement =
        new Measurement(
            arguments.get("run"),
            seconds,
            cpuSeconds,
            outcome.rows(),
            memory.peakHeapBytes(),
            ProcessMemory.peakRssBytes(),
            outcome.phases());
    Files.write(arguments.path("result"), Json.MAPPER.writeValueAsBytes(measurement));
    // DuckDB and the HTTP client may leave non-daemon threads behind.
    System.exit(0);
  }

  private static ChildTask task(ChildArgs arguments) {
    return switch (arguments.task()) {
      case "fastcsv" -> new FastCsvParse(arguments.path("file"));
      case "infer" -> new ReadAndInfer(arguments.path("file"));
      case "duckdb" -> DuckDbBaseline.from(arguments);
      case ExportRun.TASK -> ExportRun.from(arguments);
      default -> throw new IllegalArgumentException("unknown task " + arguments.task());
    };
  }
}
