package io.crewexport.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

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

  /**
   * The rounds of one run as one: wall time, CPU time, each phase and the rates are each the median
   * over the rounds (for an odd number of rounds, a figure one round measured); the peak heap and
   * resident set are the largest any round reached, as a limit is about the worst case. The result
   * is named {@code run}, as each round's run carries its round in its name.
   */
  static RunSummary median(String run, List<RunSummary> rounds) {
    RunSummary first = rounds.get(0);
    Map<String, Double> phases = new LinkedHashMap<>();
    for (String phase : first.phases().keySet()) {
      if (rounds.stream().allMatch(round -> round.phases().containsKey(phase))) {
        phases.put(phase, median(rounds, round -> round.phases().get(phase)));
      }
    }
    return new RunSummary(
        run,
        first.label(),
        median(rounds, RunSummary::seconds),
        median(rounds, RunSummary::cpuSeconds),
        first.rows(),
        median(rounds, RunSummary::rowsPerSecond),
        median(rounds, RunSummary::megabytesPerSecond),
        rounds.stream().mapToDouble(RunSummary::peakHeapMegabytes).max().orElseThrow(),
        rounds.stream().mapToDouble(RunSummary::peakRssMegabytes).max().orElseThrow(),
        phases);
  }

  private static double median(List<RunSummary> rounds, ToDoubleFunction<RunSummary> figure) {
    double[] values = rounds.stream().mapToDouble(figure).sorted().toArray();
    int middle = values.length / 2;
    return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
  }

  private static double mebibytes(long bytes) {
    return bytes / (double) (1 << 20);
  }
}
