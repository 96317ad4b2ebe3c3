package io.crewexport.runner.plan;

import io.crewexport.Period;
import io.crewexport.runner.config.ConfigLoader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Refuses a config that plans the same export twice: one account, one report id, one period (or two
 * snapshots) from two report entries. The two would run at once into the same staging files and
 * publish a corrupt file; overlapping periods that differ are the sinks' to judge.
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
    Map<Key, Integer> firstEntry = new HashMap<>();
    for (int entry = 0; entry < unitsByEntry.size(); entry++) {
      for (ExportUnit unit : unitsByEntry.get(entry)) {
        Integer earlier = firstEntry.putIfAbsent(Key.of(unit), entry);
        if (earlier != null && earlier != entry) {
          throw loaded.error(path(earlier), path(entry), problem(unit));
        }
      }
    }
  }

  private static String problem(ExportUnit unit) {
    return "both export "
        + unit.describe()
        + ", so the two would run at once into the same files and corrupt them. Keep one of"
        + " the two entries (move the columns, options and sinks you want into it), or give"
        + " them periods that differ.";
  }

  private static String path(int entry) {
    return "reports[" + entry + "]";
  }

  /** What makes two exports the same: where they write, and what they ask for. */
  private record Key(String account, String reportId, Period period) {
    static Key of(ExportUnit unit) {
      return new Key(unit.account(), unit.request().reportId(), unit.request().period());
    }
  }
}
