package io.crewexport.runner.batch;

import io.crewexport.export.ExportResult;
import io.crewexport.export.SinkOutcome;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/** Prints a batch's outcome for people: per report and sink, rows, columns, place, time, query. */
public final class SummaryPrinter {
  private static final String ROW = "%-22s %-24s %-8s %9s %5s %8s  %s%n";

  private final PrintStream out;

  public SummaryPrinter(PrintStream out) {
    this.out = out;
  }

  public void print(BatchOutcome outcome) {
    out.println();
    out.printf(Locale.ROOT, ROW, "report", "period", "sink", "rows", "cols", "time", "location");
    for (ExportResult result : outcome.results()) {
      out.printf(
          Locale.ROOT,
          ROW,
          result.request().reportId(),
          period(result),
          "download",
          result.rowsRead(),
          result.schema().size(),
          seconds(result.download()),
          result.bytes()
              + " bytes, "
              + result.attempts()
              + " attempt(s), "
              + result.polls()
              + " poll(s)");
      for (Map.Entry<String, SinkOutcome> sink : result.sinks().entrySet()) {
        out.printf(
            Locale.ROOT,
            ROW,
            result.request().reportId(),
            period(result),
            sink.getKey(),
            sink.getValue().result().rows(),
            result.schema().size(),
            seconds(sink.getValue().duration()),
            sink.getValue().result().location());
      }
    }
    printQueries(outcome);
    outcome.failures().forEach((request, error) -> out.println("FAILED " + error.getMessage()));
    out.printf(
        Locale.ROOT,
        "%n%d export(s) committed, %d failed.%n",
        outcome.results().size(),
        outcome.failures().size());
  }

  private static String period(ExportResult result) {
    return result.request().optionalPeriod().map(Object::toString).orElse("snapshot");
  }

  private static String seconds(Duration duration) {
    return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
  }

  private void printQueries(BatchOutcome outcome) {
    out.println();
    out.println("Look at the results with DuckDB (duckdb CLI, or any DuckDB client):");
    outcome.results().stream()
        .flatMap(result -> result.sinks().entrySet().stream())
        .map(sink -> sink.getValue().result().query())
        .distinct()
        .forEach(query -> out.println("  " + query));
  }
}
