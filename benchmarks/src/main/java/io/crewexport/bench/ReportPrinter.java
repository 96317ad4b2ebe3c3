package io.crewexport.bench;

import java.io.PrintStream;
import java.util.Locale;
import java.util.stream.Collectors;

/** Prints a {@link BenchReport} as a Markdown table that the README can show as it is. */
final class ReportPrinter {
  private final PrintStream out;

  ReportPrinter(PrintStream out) {
    this.out = out;
  }

  void print(BenchReport report) {
    out.println();
    out.println("Machine: " + report.machine().summary() + ".");
    out.printf(
        Locale.ROOT,
        "Input: %s, %.1f MB, %,d rows; each run in a fresh JVM (-Xmx%s); MB = 10^6 bytes of CSV"
            + " input.%n",
        report.input().file().getFileName(),
        report.input().bytes() / 1e6,
        report.runs().isEmpty() ? 0 : report.runs().get(0).rows(),
        report.childHeap());
    if (report.rounds() > 1) {
      out.printf(
          Locale.ROOT,
          "%d rounds of each pair, each side first in turn: times and rates are medians, peaks"
              + " the largest; ratio is median over median.%n",
          report.rounds());
    }
    out.println();
    out.println(
        "| path | run | seconds | CPU s | rows/s | MB/s | peak heap MiB | peak RSS MiB | ratio |"
            + " CPU ratio | ratio by round | must reach |");
    out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|");
    for (Comparison comparison : report.comparisons()) {
      printRow(comparison.path(), comparison.ours(), ratio(comparison));
      printRow("", comparison.theirs(), "| | | | |");
    }
    if (report.memory() != null) {
      printMemory(report.memory());
    }
  }

  private void printRow(String path, RunSummary run, String ratio) {
    out.printf(
        Locale.ROOT,
        "| %s | %s | %.1f | %.1f | %,.0f | %.1f | %.0f | %.0f %s%n",
        path,
        run.label(),
        run.seconds(),
        run.cpuSeconds(),
        run.rowsPerSecond(),
        run.megabytesPerSecond(),
        run.peakHeapMegabytes(),
        run.peakRssMegabytes(),
        ratio);
  }

  private static String ratio(Comparison comparison) {
    String byRound =
        comparison.roundRatios().stream()
            .map(ratio -> String.format(Locale.ROOT, "%.2f", ratio))
            .collect(Collectors.joining(", "));
    return String.format(
        Locale.ROOT,
        "| %.2fx | %.2fx | %s | <= %.1fx: %s |",
        comparison.ratio(),
        comparison.cpuRatio(),
        byRound,
        comparison.mustReach(),
        comparison.holds() ? "holds" : "MISSED");
  }

  private void printMemory(MemoryCheck memory) {
    RunSummary run = memory.run();
    out.printf(
        Locale.ROOT,
        "%nMemory: %s of a %.2f GB report with -Xmx%s and DuckDB memory_limit %s: %.1f s"
            + " (%.1f MB/s), peak heap %.0f MiB, peak RSS %.0f MiB (must stay below %.0f MiB):"
            + " %s.%n",
        run.label(),
        memory.bodyBytes() / 1e9,
        memory.heap(),
        memory.duckDbMemoryLimit(),
        run.seconds(),
        run.megabytesPerSecond(),
        run.peakHeapMegabytes(),
        run.peakRssMegabytes(),
        memory.rssLimitMegabytes(),
        memory.holds() ? "holds" : "MISSED");
  }
}
