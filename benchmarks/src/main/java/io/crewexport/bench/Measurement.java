package io.crewexport.bench;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.TreeMap;

/**
 * What one run in a child JVM measured.
 *
 * @param run the run's name, such as {@code ours-parquet}
 * @param seconds wall time of the work itself, JVM start-up excluded
 * @param cpuSeconds CPU time of the whole process during the work, every thread (DuckDB's native
 *     threads, the JIT and the garbage collector included): steadier than wall time on a machine
 *     that others share
 * @param rows data rows processed (headings excluded)
 * @param peakHeapBytes the largest heap use seen, just before a collection or at the end
 * @param peakRssBytes the process's peak resident set ({@code VmHWM}), or -1 where unknown
 * @param phases named parts of the run in seconds, such as the download of an export
 */
public record Measurement(
    String run,
    double seconds,
    double cpuSeconds,
    long rows,
    long peakHeapBytes,
    long peakRssBytes,
    Map<String, Double> phases) {
  public Measurement {
    requireNonNull(run, "run");
    phases = Map.copyOf(new TreeMap<>(requireNonNull(phases, "phases")));
  }

  /** Rows per second. */
  public double rowsPerSecond() {
    return rows / seconds;
  }
}
