package io.crewexport.runner.plan;

import io.crewexport.ContentType;
import io.crewexport.CrewexportException;
import io.crewexport.ErrorCode;
import io.crewexport.Period;
import io.crewexport.ReportRequest;
import io.crewexport.runner.config.BatchConfig;
import io.crewexport.runner.config.ConfigLoader;
import io.crewexport.runner.config.PeriodSpec;
import io.crewexport.runner.config.ReportConfig;
import io.crewexport.runner.state.Committed;
import io.crewexport.runner.state.ReportState;
import io.crewexport.runner.state.RunRecord;
import io.crewexport.runner.state.StateStore;
import io.crewexport.sink.duckdb.DuckDbSinkConfig;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a config into the exports of one run: defaults applied, accounts and sinks checked (errors
 * name the line), periods resolved on today's date in the config's zone, windows split, and with
 * {@code --resume} only what the crashed run had not yet committed.
 */
public final class BatchPlanner {
  private static final Logger log = LoggerFactory.getLogger(BatchPlanner.class);
  private static final Pattern ACCOUNT = Pattern.compile("[a-z][a-z0-9_]{0,62}");
  private static final String DUCKDB = "duckdb";

  private final ConfigLoader.Loaded loaded;
  private final Set<String> knownSinks;
  private final Clock clock;

  public BatchPlanner(ConfigLoader.Loaded loaded, Collection<String> knownSinks, Clock clock) {
    this.loaded = loaded;
    this.knownSinks = Set.copyOf(knownSinks);
    this.clock = clock;
  }

  /**
   * The exports of this run.
   *
   * @param only report ids to run; empty for all
   * @param state what earlier runs committed
   * @param resume whether to finish the last run that crashed instead of planning anew
   */
  public List<ExportUnit> plan(Set<String> only, StateStore state, boolean resume) {
    BatchConfig config = loaded.config();
    checkAccounts(config);
    List<ReportConfig> reports = new ArrayList<>();
    for (int i = 0; i < config.reports().size(); i++) {
      reports.add(withDefaults(config, config.reports().get(i), "reports[" + i + "]"));
    }
    checkOnly(only, reports);
    SharedTables.check(loaded, tableUses(config, reports));

    // The whole config is planned and checked, so --only never hides a mistake from validate.
    List<List<ExportUnit>> unitsByEntry =
        reports.stream().map(report -> unitsOf(config, report, state)).toList();
    RepeatedExports.check(loaded, unitsByEntry);

    List<ExportUnit> units =
        unitsByEntry.stream()
            .flatMap(List::stream)
            .filter(unit -> only.isEmpty() || only.contains(unit.request().reportId()))
            .toList();
    return resume ? resumed(units, state) : units;
  }

  private void checkOnly(Set<String> only, List<ReportConfig> reports) {
    Set<String> ids = new TreeSet<>();
    reports.forEach(report -> ids.add(report.id()));
    for (String id : new TreeSet<>(only)) {
      if (!ids.contains(id)) {
        throw new CrewexportException(
            ErrorCode.CONFIGURATION,
            "--only "
                + id
                + ": "
                + loaded.file()
                + " has no report "
                + id
                + ", so nothing would run. Its reports are "
                + ids
                + "; check the spelling.");
      }
    }
  }

  private List<SharedTables.TableUse> tableUses(BatchConfig config, List<ReportConfig> reports) {
    List<SharedTables.TableUse> uses = new ArrayList<>();
    for (int i = 0; i < reports.size(); i++) {
      ReportConfig report = reports.get(i);
      if (report.sinks().contains(DUCKDB)) {
        Map<String, String> options = options(config, report);
        String database =
            options.getOrDefault(
                DuckDbSinkConfig.FILE,
                outputRoot(config, report.account()) + "/" + DuckDbSinkConfig.DEFAULT_FILE_NAME);
        String schema =
            options.getOrDefault(DuckDbSinkConfig.SCHEMA, DuckDbSinkConfig.DEFAULT_SCHEMA);
        uses.add(new SharedTables.TableUse(i, report, database, schema));
      }
    }
    return uses;
  }

  private List<ExportUnit> unitsOf(BatchConfig config, ReportConfig report, StateStore state) {
    String account = report.account();
    ReportState reportState = state.report(account + "/" + report.id());
    LocalDate today = LocalDate.now(clock.withZone(config.timezone()));
    Optional<LocalDate> initialStart = Optional.ofNullable(report.initialStart());
    Optional<Period> period =
        report
            .period()
            .resolve(
                today,
                // Only windows can leave a gap: one export per run commits all or nothing.
                report.window() != null
                    ? endBeforeFirstGap(reportState, report.sinks(), initialStart)
                    : latestEnd(reportState, report.sinks()),
                initialStart);
    if (period.isEmpty() && !report.period().snapshot()) {
      return List.of();
    }
    List<Period> windows =
        period
            .map(p -> report.window() == null ? List.of(p) : report.window().split(p))
            .orElse(null);
    if (windows != null && report.period().sinceLastRun() && report.window() != null) {
      // After a gap, the windows beyond it that every sink committed are not asked for again.
      windows =
          windows.stream()
              .filter(window -> !committedByAll(reportState, report.sinks(), window))
              .toList();
    }
    String outputRoot = outputRoot(config, account);
    Map<String, String> options = options(config, report);
    List<ExportUnit> units = new ArrayList<>();
    if (windows == null) {
      units.add(unit(account, report, null, outputRoot, options));
    } else {
      windows.forEach(window -> units.add(unit(account, report, window, outputRoot, options)));
    }
    return units;
  }

  private static String outputRoot(BatchConfig config, String account) {
    return config.accounts().size() == 1 ? config.output() : config.output() + "/" + account;
  }

  private static ExportUnit unit(
      String account,
      ReportConfig report,
      Period period,
      String outputRoot,
      Map<String, String> options) {
    ReportRequest request = new ReportRequest(report.id(), period, report.format());
    return new ExportUnit(account, report, request, report.sinks(), outputRoot, options);
  }

  private Map<String, String> options(BatchConfig config, ReportConfig report) {
    Map<String, String> options = new LinkedHashMap<>(config.defaults().options());
    options.putAll(report.options());
    if (config.accounts().size() > 1) {
      // Tenants stay apart: a schema each in the one DuckDB file, a folder level each for files.
      options.putIfAbsent("duckdb.schema", report.account());
      options.putIfAbsent("duckdb.file", config.output() + "/crewexport.duckdb");
    }
    return options;
  }

  /** The earliest of the sinks' latest committed ends: a lagging sink is caught up. */
  private static Optional<LocalDate> latestEnd(ReportState state, List<String> sinks) {
    LocalDate earliest = null;
    for (String sink : sinks) {
      Optional<LocalDate> last =
          state.committed().getOrDefault(sink, List.of()).stream()
              .map(Committed::end)
              .filter(Objects::nonNull)
              .max(LocalDate::compareTo);
      if (last.isEmpty()) {
        return Optional.empty();
      }
      earliest = earliest == null || last.get().isBefore(earliest) ? last.get() : earliest;
    }
    return Optional.ofNullable(earliest);
  }

  /**
   * Where windowed {@code since-last-run} goes on from: for each sink, the end of the days it
   * committed without a gap from {@code initialStart} (from its first export, without one), and of
   * those the earliest, so that a lagging sink is caught up and a window that failed between two
   * that committed is asked for again. Empty when a sink has committed nothing from there.
   */
  private static Optional<LocalDate> endBeforeFirstGap(
      ReportState state, List<String> sinks, Optional<LocalDate> initialStart) {
    LocalDate earliest = null;
    for (String sink : sinks) {
      List<Committed> periods =
          state.committed().getOrDefault(sink, List.of()).stream()
              .filter(committed -> committed.start() != null)
              .sorted(Comparator.comparing(Committed::start))
              .toList();
      if (periods.isEmpty()) {
        return Optional.empty();
      }
      LocalDate next = initialStart.orElse(periods.get(0).start());
      for (Committed committed : periods) {
        if (committed.start().isAfter(next)) {
          break;
        }
        if (!committed.end().isBefore(next)) {
          next = committed.end().plusDays(1);
        }
      }
      LocalDate end = next.minusDays(1);
      if (initialStart.isPresent() && end.isBefore(initialStart.get())) {
        return Optional.empty();
      }
      earliest = earliest == null || end.isBefore(earliest) ? end : earliest;
    }
    return Optional.ofNullable(earliest);
  }

  private static boolean committedByAll(ReportState state, List<String> sinks, Period window) {
    return sinks.stream()
        .allMatch(
            sink ->
                state.committed().getOrDefault(sink, List.of()).stream()
                    .anyMatch(committed -> committed.covers(window, null)));
  }

  private ReportConfig withDefaults(BatchConfig config, ReportConfig report, String path) {
    String account = report.account();
    if (account == null) {
      if (config.accounts().size() > 1) {
        throw loaded.error(path, "name the account: the config has " + config.accounts().keySet());
      }
      account = config.accounts().keySet().iterator().next();
    } else if (!config.accounts().containsKey(account)) {
      throw loaded.error(
          path + ".account",
          "unknown account '" + account + "': the config has " + config.accounts().keySet());
    }
    List<String> sinks = report.sinks() != null ? report.sinks() : config.defaults().sinks();
    if (sinks.isEmpty()) {
      throw loaded.error(path, "no sinks: give sinks here or under defaults");
    }
    for (String sink : sinks) {
      if (!knownSinks.contains(sink)) {
        throw loaded.error(
            path + ".sinks",
            "unknown sink '"
                + sink
                + "': known sinks are "
                + new TreeSet<>(knownSinks)
                + " (a plugin's sink needs its jar in the plugins folder)");
      }
    }
    ContentType format =
        report.format() != null
            ? report.format()
            : config.defaults().format() != null ? config.defaults().format() : ContentType.CSV;
    Boolean split =
        report.splitOnTimeout() != null
            ? report.splitOnTimeout()
            : config.defaults().splitOnTimeout();
    return new ReportConfig(
        report.id(),
        account,
        report.period() != null ? report.period() : PeriodSpec.parse("none"),
        report.initialStart(),
        report.window(),
        format,
        sinks,
        report.options(),
        report.columns(),
        report.pins(),
        report.allText(),
        split);
  }

  private void checkAccounts(BatchConfig config) {
    for (String name : config.accounts().keySet()) {
      if (!ACCOUNT.matcher(name).matches()) {
        throw loaded.error(
            "accounts." + name,
            "account names are lower case letters, digits and '_', starting with a letter:"
                + " they name folders and DuckDB schemas");
      }
    }
  }

  /** The units of the crashed last run that some sink has not committed yet. */
  private static List<ExportUnit> resumed(List<ExportUnit> planned, StateStore state) {
    Optional<RunRecord> last = state.lastRun().filter(run -> !run.complete());
    if (last.isEmpty()) {
      return planned;
    }
    List<ExportUnit> units = new ArrayList<>();
    for (RunRecord.PlannedUnit old : last.get().units()) {
      Optional<ExportUnit> found = template(planned, old);
      if (found.isEmpty()) {
        continue;
      }
      ExportUnit template = found.get();
      Period period = old.start() == null ? null : Period.of(old.start(), old.end());
      List<String> missing =
          missingSinks(state, template.reportKey(), period, old.sinks(), last.get().runId());
      if (!missing.isEmpty()) {
        ReportRequest request =
            new ReportRequest(old.reportId(), period, template.request().contentType());
        units.add(template.with(request, missing));
      }
    }
    return units;
  }

  /**
   * The planned export a unit of the crashed run is resumed as: of the config's entries for its
   * report, the one with its sinks, so that each entry's own column rules, options and pins apply
   * (two entries may split a report's sinks, one dropping a column the other keeps); else one that
   * writes to all its sinks; else none.
   */
  private static Optional<ExportUnit> template(
      List<ExportUnit> planned, RunRecord.PlannedUnit old) {
    String key = old.account() + "/" + old.reportId();
    List<ExportUnit> ofReport =
        planned.stream().filter(unit -> unit.reportKey().equals(key)).toList();
    Optional<ExportUnit> found =
        ofReport.stream()
            .filter(unit -> Set.copyOf(unit.sinks()).equals(Set.copyOf(old.sinks())))
            .findFirst()
            .or(
                () ->
                    ofReport.stream()
                        .filter(unit -> unit.sinks().containsAll(old.sinks()))
                        .findFirst());
    if (found.isEmpty() && !ofReport.isEmpty()) {
      // Another entry's rules could let out a column this one drops: better not resume it.
      log.warn(
          "--resume: no entry of {} in the config now writes to {}, as the crashed run's did;"
              + " that part is not resumed (run it without --resume)",
          key,
          old.sinks());
    }
    return found;
  }

  private static List<String> missingSinks(
      StateStore state, String reportKey, Period period, List<String> sinks, String runId) {
    ReportState report = state.report(reportKey);
    Set<String> done = new HashSet<>();
    for (String sink : sinks) {
      boolean committed =
          report.committed().getOrDefault(sink, List.of()).stream()
              .anyMatch(
                  c ->
                      runId.equals(c.runId())
                          && (period == null ? c.start() == null : period.equals(c.period())));
      if (committed) {
        done.add(sink);
      }
    }
    return sinks.stream().filter(sink -> !done.contains(sink)).toList();
  }
}
