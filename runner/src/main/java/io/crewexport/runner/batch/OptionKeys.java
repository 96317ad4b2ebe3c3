package io.crewexport.runner.batch;

import io.crewexport.runner.config.BatchConfig;
import io.crewexport.runner.config.ConfigLoader;
import io.crewexport.runner.wiring.SinkRegistry;
import io.crewexport.spi.ExportTarget;
import io.crewexport.spi.ReportSink;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Refuses option keys that nothing reads: a misspelt {@code duckdb.memroy-limit} would otherwise be
 * ignored without a word, and the run would go on with the default. A key is read by the runner for
 * every report, or by the sink its first word names; a sink that declares no {@link
 * ReportSink#optionKeys} (a plugin written before it could) has its keys taken as they are.
 */
final class OptionKeys {
  /** What is read of every report, whatever its sinks. */
  static final Set<String> REPORT_KEYS =
      Set.of(
          UnitHooks.ALLOW_EMPTY,
          UnitHooks.ALLOW_SHRINK,
          UnitHooks.MIN_ROWS_RATIO,
          ExportTarget.ALLOW_OVERLAP);

  private OptionKeys() {}

  /**
   * Checks the options under {@code defaults} and under each report of {@code loaded}.
   *
   * @throws io.crewexport.CrewexportException {@code CONFIGURATION}, naming the file, the line and
   *     the key, and the keys that would be read there
   */
  static void check(ConfigLoader.Loaded loaded, SinkRegistry sinks) {
    BatchConfig config = loaded.config();
    check(loaded, "defaults.options", config.defaults().options(), sinks);
    for (int i = 0; i < config.reports().size(); i++) {
      check(loaded, "reports[" + i + "].options", config.reports().get(i).options(), sinks);
    }
  }

  private static void check(
      ConfigLoader.Loaded loaded, String path, Map<String, String> options, SinkRegistry sinks) {
    for (String key : new TreeSet<>(options.keySet())) {
      Optional<String> problem = problem(key, sinks).or(() -> badValue(key, options.get(key)));
      if (problem.isPresent()) {
        throw loaded.error(path + "." + key, problem.get());
      }
    }
  }

  /**
   * What is wrong with {@code value} of a report option, or empty. A sink checks its own options'
   * values when it prepares, naming the report; these the runner reads, where a bad value would end
   * in a stack trace or pass as {@code false}.
   */
  static Optional<String> badValue(String key, String value) {
    if (value == null) {
      return Optional.of("the option has no value.");
    }
    String text = value.trim();
    if (key.equals(UnitHooks.MIN_ROWS_RATIO)) {
      try {
        double ratio = Double.parseDouble(text);
        if (ratio >= 0 && ratio <= 1) {
          return Optional.empty();
        }
      } catch (NumberFormatException e) {
        // Said below.
      }
      return Optional.of(
          "'" + value + "' is not a ratio: give a number from 0 to 1, such as 0.5 (the default).");
    }
    if (REPORT_KEYS.contains(key)
        && !text.equalsIgnoreCase("true")
        && !text.equalsIgnoreCase("false")) {
      return Optional.of("'" + value + "' is not true or false.");
    }
    return Optional.empty();
  }

  /** What is wrong with option {@code key}, or empty if something reads it. */
  static Optional<String> problem(String key, SinkRegistry sinks) {
    if (REPORT_KEYS.contains(key)) {
      return Optional.empty();
    }
    int dot = key.indexOf('.');
    Optional<ReportSink> sink = dot > 0 ? sinks.find(key.substring(0, dot)) : Optional.empty();
    if (sink.isPresent()) {
      Set<String> keys = sink.get().optionKeys();
      if (keys.isEmpty() || keys.contains(key)) {
        return Optional.empty();
      }
      return Optional.of(
          "unknown option '"
              + key
              + "': the "
              + sink.get().name()
              + " sink reads "
              + String.join(", ", new TreeSet<>(keys))
              + ". Fix the key.");
    }
    return Optional.of(
        "unknown option '"
            + key
            + "': a report reads "
            + String.join(", ", new TreeSet<>(REPORT_KEYS))
            + ", and each sink the keys that start with its name (sinks here: "
            + String.join(", ", sinks.names())
            + "). Fix the key, or add the plugin jar of the sink it is for.");
  }
}
