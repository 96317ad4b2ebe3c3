package io.crewexport.bench;

import java.util.Map;

/**
 * One run as the report shows it.
 *
 * @param run the run's name, such as {@code ours-parquet}
 * @param label what it does, such as {@code crewexport: CSV -> Parquet}
 * @param seconds wall time of the work, JVM start-up excluded
 * @param cpuSeconds CPU time of the child process during the work, all threads
 * @param rows data rows processed
 * @param rowsPerSecond rows per second
 * @param megabytesPerSecond megabytes (10^6 bytes) of CSV input per second
 * @param peakHeapMegabytes the largest heap use seen, in MiB
 * @param peakRssMegabytes the peak resident set, in MiB, or -1 where unknown
 * @param phases named parts of the run in seconds, and other figures it reported
 */
record RunSummary(
    String run,
    String label,
    double seconds,
    double cpuSeconds,
    long rows,
    double rowsPerSecond,
    double megabytesPerSecond,
    double peakHeapMegabytes,
    double peakRssMegabytes,
    Map<String, Double> phases) {

  static RunSummary of(String label, Measurement measurement, long inputBytes) {
    return new RunSummary(
        measurement.run(),
        label,
        measurement.seconds(),
        measurement.cpuSeconds(),
        measurement.rows(),
        measurement.rowsPerSecond(),
        inputBytes / 1e6 / measurement.seconds(),
        mebibytes(measurement.peakHeapBytes()),
        measurement.peakRssBytes() < 0 ? -1 : mebibytes(measurement.peakRssBytes()),
        measurement.phases());
  }

  private static double mebibytes(long bytes) {
    return bytes / (double) (1 << 20);
  }
}
