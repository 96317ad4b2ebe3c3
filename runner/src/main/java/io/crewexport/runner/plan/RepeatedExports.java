package io.crewexport.runner.plan;

import io.crewexport.Period;
import io.crewexport.runner.config.ConfigLoader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Refuses a config that plans the same export twice: one account, one report id, one period (or two
 * snapshots) from two report entries that share a sink. The two would run at once into the same
 * staging files and publish a corrupt file. Entries that split the sinks between them (one writes
 * Parquet, the other CSV) write apart and are allowed; overlapping periods that differ are the
 * sinks' to judge.
 */
final class RepeatedExports {
  private RepeatedExports() {}

  /**
   * Checks the units of every report entry.
   *
   * @param unitsByEntry the units of each entry, in the order of the config's reports
   * @throws io.crewexport.CrewexportException {@code CONFIGURATION}, naming both entries
   */
  static void check(ConfigLoader.Loaded loaded, List<List<ExportUnit>> unitsByEntry) {
    Map<Key, List<Planned>> planned = new HashMap<>();
    for (int entry = 0; entry < unitsByEntry.size(); entry++) {
      for (ExportUnit unit : unitsByEntry.get(entry)) {
        List<Planned> same = planned.computeIfAbsent(Key.of(unit), key -> new ArrayList<>());
        for (Planned earlier : same) {
          List<String> shared = shared(earlier.unit(), unit);
          if (earlier.entry() != entry && !shared.isEmpty()) {
            throw loaded.error(path(earlier.entry()), path(entry), problem(unit, shared));
          }
        }
        same.add(new Planned(entry, unit));
      }
    }
  }

  private static List<String> shared(ExportUnit earlier, ExportUnit unit) {
    return unit.sinks().stream().filter(earlier.sinks()::contains).toList();
  }

  private static String problem(ExportUnit unit, List<String> sinks) {
    return "both export "
        + unit.describe()
        + " to "
        + String.join(", ", sinks)
        + ", so the two would run at once into the same files and corrupt them. Keep one of"
        + " the two entries (move the columns, options and sinks you want into it), or give"
        + " them periods that differ.";
  }

  private static String path(int entry) {
    return "reports[" + entry + "]";
  }

  /** A unit and the entry it comes from. */
  private record Planned(int entry, ExportUnit unit) {}

  /** What makes two exports the same, sinks aside: where they write, and what they ask for. */
  private record Key(String account, String reportId, Period period) {
    static Key of(ExportUnit unit) {
      return new Key(unit.account(), unit.request().reportId(), unit.request().period());
    }
  }
}
