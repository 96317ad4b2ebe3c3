package io.crewexport.runner.batch;

import io.crewexport.CrewexportException;
import io.crewexport.ErrorCode;
import io.crewexport.client.Sleeper;
import io.crewexport.client.SpoolFiles;
import io.crewexport.runner.config.BatchConfig;
import io.crewexport.runner.config.ConfigLoader;
import io.crewexport.runner.config.ReportConfig.ColumnAction;
import io.crewexport.runner.plan.BatchPlanner;
import io.crewexport.runner.plan.ExportUnit;
import io.crewexport.runner.progress.ProgressBoard;
import io.crewexport.runner.progress.ProgressDisplay;
import io.crewexport.runner.state.RunLock;
import io.crewexport.runner.state.RunRecord;
import io.crewexport.runner.state.StateStore;
import io.crewexport.runner.wiring.SinkRegistry;
import io.crewexport.sink.duckdb.DuckDbSinkConfig;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of a config, start to end: lock, state, plan, exports, manifest, summary. Shared by
 * {@code export}, {@code validate} and {@code demo}, so all three behave alike.
 */
public final class BatchSession {
  private static final Pattern URI_ROOT = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]+://.*");
  private static final Logger log = LoggerFactory.getLogger(BatchSession.class);

  /**
   * How to run.
   *
   * @param only report ids to run; empty for all
   * @param parallel how many exports at once
   * @param dryRun print the plan and stop
   * @param resume finish the last run that crashed
   */
  public record Options(Set<String> only, int parallel, boolean dryRun, boolean resume) {
    public Options {
      only = Set.copyOf(only);
    }
  }

  private final SinkRegistry registry;
  private final BatchRunner runner;
  private final Map<String, String> env;
  private final Clock clock;
  private final Sleeper sleeper;

  @Inject
  public BatchSession(
      SinkRegistry registry,
      BatchRunner runner,
      @Named("environment") Map<String, String> env,
      Clock clock,
      Sleeper sleeper) {
    this.registry = registry;
    this.runner = runner;
    this.env = env;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /** Runs {@code loaded} as told; returns the exit code. */
  public int run(ConfigLoader.Loaded loaded, Options options, PrintStream out) {
    return run(loaded, options, out, env);
  }

  /** As above, with the environment the credentials are read from given. */
  public int run(
      ConfigLoader.Loaded loaded, Options options, PrintStream out, Map<String, String> env) {
    BatchConfig config = loaded.config();
    Path stateFolder = stateFolder(config);
    BatchPlanner planner = new BatchPlanner(loaded, registry.names(), clock);
    OptionKeys.check(loaded, registry);
    // Planning checks the config; doing it before the lock leaves no trace of a refused config.
    List<ExportUnit> preview =
        planner.plan(options.only(), StateStore.read(stateFolder), options.resume());
    if (options.dryRun()) {
      // As a run would make them, without a request: credentials present, base URLs allowed.
      checkAccounts(loaded, env);
      PlanPrinter.print(preview, out);
      return 0;
    }
    String runId = runner.newRunId();
    Path spool = spoolFolder(config);
    try (RunLock lock = RunLock.acquire(stateFolder, runId)) {
      StateStore state = StateStore.open(stateFolder);
      deleteLeftOverSpoolFiles(spool);
      warnOfASingleAccountLayout(config);
      if (options.resume() && state.lastRun().map(RunRecord::complete).orElse(true)) {
        log.info(
            "--resume: the last run finished (its failed exports are planned again like the"
                + " rest), so this run exports the whole plan");
      }
      List<ExportUnit> units = planner.plan(options.only(), state, options.resume());
      PlanPrinter.print(units, out);
      AccountClients clients = AccountClients.create(config.accounts(), env, clock, sleeper);
      Instant start = clock.instant();
      ProgressBoard board = new ProgressBoard();
      ProgressDisplay display = ProgressDisplay.startIfTerminal(board);
      BatchJob job =
          new BatchJob(
              runId, units, clients, state, options.parallel(), spool, salt(config, env), board);
      // Reported inside the run, so that a run stopped by Ctrl-C or kill still leaves its manifest.
      try (display) {
        return runner.run(
            job,
            outcome -> {
              display.close();
              return report(outcome, stateFolder, start, clients, out);
            });
      }
    }
  }

  /** Writes the run's manifest and prints its summary; returns its exit code. */
  private int report(
      BatchOutcome outcome,
      Path stateFolder,
      Instant start,
      AccountClients clients,
      PrintStream out) {
    Path manifest =
        ManifestWriter.write(
            stateFolder, outcome, start, clock.instant(), clients.tokensRequested());
    new SummaryPrinter(out).print(outcome);
    out.println("Run manifest: " + manifest);
    log.info(
        "Run {} done: {} committed, {} failed",
        outcome.runId(),
        outcome.committed().size(),
        outcome.failed().size());
    return outcome.exitCode();
  }

  /**
   * With more than one account, each account's files go under {@code <output>/<account>/}. A config
   * that had one account wrote them under {@code <output>/} itself; they stay there, and the
   * account's new exports start afresh beside them, which deserves a word.
   */
  private static void warnOfASingleAccountLayout(BatchConfig config) {
    if (config.accounts().size() < 2 || isUri(config.output())) {
      return;
    }
    Path output = Path.of(config.output().replaceFirst("^file:", ""));
    for (String sink : List.of("parquet", "csv", DuckDbSinkConfig.DEFAULT_FILE_NAME)) {
      if (Files.exists(output.resolve(sink))) {
        log.warn(
            "{} holds {}, written when the config had one account; with {} accounts each"
                + " account's exports go under {}/<account>/ instead. The earlier ones stay where"
                + " they are: move them there, or give the accounts outputs of their own.",
            output,
            sink,
            config.accounts().size(),
            output);
        return;
      }
    }
  }

  private void checkAccounts(ConfigLoader.Loaded loaded, Map<String, String> env) {
    try {
      AccountClients.create(loaded.config().accounts(), env, clock, sleeper);
    } catch (CrewexportException e) {
      if (e.code() != ErrorCode.CONFIGURATION) {
        throw e;
      }
      throw new CrewexportException(
          ErrorCode.CONFIGURATION, loaded.file() + ": " + e.getMessage(), e);
    }
  }

  /** The state folder: as configured, or {@code _crewexport} under a local output root. */
  public static Path stateFolder(BatchConfig config) {
    if (config.stateDir() != null) {
      return Path.of(config.stateDir());
    }
    if (isUri(config.output())) {
      throw new CrewexportException(
          ErrorCode.CONFIGURATION,
          "The output "
              + config.output()
              + " is not a local folder: set state-dir to a local"
              + " folder for the run state, lock and manifests.");
    }
    return Path.of(config.output().replaceFirst("^file:", "")).resolve("_crewexport");
  }

  /** Whether an output root is a URI (such as {@code hdfs://...}) rather than a local folder. */
  private static boolean isUri(String output) {
    return URI_ROOT.matcher(output).matches();
  }

  /**
   * Deletes what killed runs left in the spool folder, which can be a report's size each. A failure
   * here costs only disk space, so it is logged and the run goes on.
   */
  private static void deleteLeftOverSpoolFiles(Path folder) {
    try {
      SpoolFiles.Cleanup cleanup = SpoolFiles.deleteLeftOver(folder);
      if (!cleanup.deleted().isEmpty()) {
        log.info(
            "Deleted {} spool file(s), {} MiB, that ended processes left in {}",
            cleanup.deleted().size(),
            cleanup.bytes() >> 20,
            folder.toAbsolutePath());
      }
    } catch (IOException | RuntimeException e) {
      log.warn(
          "Could not clean up spool files that ended processes left in {}: {}",
          folder.toAbsolutePath(),
          e.toString());
    }
  }

  private static Path spoolFolder(BatchConfig config) {
    return config.spoolDir() != null
        ? Path.of(config.spoolDir())
        : Path.of(System.getProperty("java.io.tmpdir"), "crewexport-spool");
  }

  private static String salt(BatchConfig config, Map<String, String> env) {
    boolean hashing =
        config.reports().stream().anyMatch(r -> r.columns().containsValue(ColumnAction.HASH));
    if (!hashing) {
      return null;
    }
    String name = config.hashSaltEnv();
    String salt = name == null ? null : env.get(name);
    if (salt == null || salt.isBlank()) {
      throw new CrewexportException(
          ErrorCode.CONFIGURATION,
          "Columns are to be hashed, but no salt: set hash-salt-env in the config to the name of"
              + " an environment variable holding a long random secret, and set that variable.");
    }
    return salt;
  }
}
