package io.crewexport.runner.batch;

import io.crewexport.runner.plan.ExportUnit;
import java.io.PrintStream;
import java.util.List;

/** Prints the exports a run will do, one line each. */
final class PlanPrinter {
  private PlanPrinter() {}

  static void print(List<ExportUnit> units, PrintStream out) {
    out.println("Plan: " + units.size() + " export(s)");
    for (ExportUnit unit : units) {
      out.println(
          "  "
              + unit.describe()
              + " -> "
              + String.join(", ", unit.sinks())
              + " under "
              + unit.outputRoot());
    }
  }
}
