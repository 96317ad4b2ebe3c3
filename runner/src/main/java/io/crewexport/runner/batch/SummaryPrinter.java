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
    for (UnitOutcome unit : outcome.committed()) {
      ExportResult result = unit.result();
      line(
          result,
          "download",
          result.rowsRead(),
          seconds(result.download()),
          result.bytes()
              + " bytes, "
              + result.attempts()
              + " attempt(s), "
              + result.polls()
              + " poll(s)");
      for (Map.Entry<String, SinkOutcome> sink : result.sinks().entrySet()) {
        line(
            result,
            sink.getKey(),
            sink.getValue().result().rows(),
            seconds(sink.getValue().duration()),
            sink.getValue().result().location());
      }
    }
    printQueries(outcome);
    outcome.failed().forEach(unit -> out.println("FAILED " + unit.failure().getMessage()));
    out.printf(
        Locale.ROOT,
        "%n%d export(s) committed, %d failed.%n",
        outcome.committed().size(),
        outcome.failed().size());
  }

  private void line(ExportResult result, String what, long rows, String time, String where) {
    out.printf(
        Locale.ROOT,
        ROW,
        result.request().reportId(),
        result.request().optionalPeriod().map(Object::toString).orElse("snapshot"),
        what,
        rows,
        result.schema().size(),
        time,
        where);
  }

  private static String seconds(Duration duration) {
    return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
  }

  private void printQueries(BatchOutcome outcome) {
    if (outcome.committed().isEmpty()) {
      return;
    }
    out.println();
    out.println("Look at the results with DuckDB (duckdb CLI, or any DuckDB client):");
    outcome.committed().stream()
        .flatMap(unit -> unit.result().sinks().values().stream())
        .map(sink -> sink.result().query())
        .distinct()
        .forEach(query -> out.println("  " + query));
  }
}
