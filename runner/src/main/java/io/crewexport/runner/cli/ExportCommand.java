package io.crewexport.runner.cli;

import io.crewexport.ContentType;
import io.crewexport.CrewexportException;
import io.crewexport.ErrorCode;
import io.crewexport.Period;
import io.crewexport.runner.batch.BatchSession;
import io.crewexport.runner.config.AccountConfig;
import io.crewexport.runner.config.BatchConfig;
import io.crewexport.runner.config.ConfigLoader;
import io.crewexport.runner.config.Defaults;
import io.crewexport.runner.config.PeriodSpec;
import io.crewexport.runner.config.ReportConfig;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/** {@code crewexport export}: a batch from a config file, or reports named on the command line. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Downloads reports from Crewmojo and writes them to the chosen sinks, either as a batch"
          + " described by --config, or for the reports named with --report.",
      "With --report, credentials come from the environment: CREWMOJO_CLIENT_ID and"
          + " CREWMOJO_CLIENT_SECRET, or CREWMOJO_TOKEN. With --config, from the variables or"
          + " files the config names."
    },
    footer = {"", ExitCode.HELP})
public final class ExportCommand implements Callable<Integer> {

  @Option(names = "--config", paramLabel = "FILE", description = "The batch config (YAML).")
  Path config;

  @Spec CommandSpec spec;

  int parallel;

  @Option(
      names = "--parallel",
      defaultValue = "2",
      paramLabel = "N",
      description = "Exports run at once, 1 or more (default: ${DEFAULT-VALUE}).")
  void setParallel(int parallel) {
    // Refused while parsing, so --dry-run refuses it too, as one line and exit code 2.
    if (parallel < 1) {
      throw new ParameterException(
          spec.commandLine(),
          "Invalid value for option '--parallel': "
              + parallel
              + "; give 1 or more exports to run at once.");
    }
    this.parallel = parallel;
  }

  @Option(names = "--only", paramLabel = "ID", description = "Run only this report. Repeatable.")
  List<String> only = List.of();

  @Option(names = "--dry-run", description = "Print the plan and stop.")
  boolean dryRun;

  @Option(
      names = "--resume",
      description = "Finish the last run that crashed: skip what it committed.")
  boolean resume;

  @Option(
      names = "--report",
      paramLabel = "ID",
      description = "Report id agreed with Crewmojo, e.g. oneonone.summary. Repeatable.")
  List<String> reports = List.of();

  @Option(
      names = "--from",
      paramLabel = "DATE",
      description = "Period start, 2024-01-31 or 20240131. Needs --to.")
  String from;

  @Option(
      names = "--to",
      paramLabel = "DATE",
      description = "Period end, inclusive. Needs --from. Without both: a snapshot.")
  String to;

  @Option(
      names = "--format",
      defaultValue = "csv",
      paramLabel = "csv|json",
      description = "Body format asked of Crewmojo (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(
      names = "--sink",
      paramLabel = "NAME",
      description = "Where to write: parquet, duckdb, csv, or a plugin's name. Repeatable.")
  List<String> sinks = List.of();

  @Option(
      names = "--out",
      paramLabel = "DIR|URI",
      description = "Output root: a local folder, or hdfs://, file:// for Parquet.")
  String out;

  @Option(
      names = "--duckdb-file",
      paramLabel = "FILE",
      description = "DuckDB database file (default: <out>/crewexport.duckdb).")
  Path duckdbFile;

  @Option(
      names = "--base-url",
      paramLabel = "URL",
      description = "API base URL, for proxies and gateways (default: production).")
  URI baseUrl;

  @Option(
      names = "--environment",
      paramLabel = "test|production",
      description = "Crewmojo environment, if --base-url is not given (default: production).")
  String environment;

  @Option(
      names = "--trust-store",
      paramLabel = "FILE",
      description = "Extra CA certificates (PEM, PKCS12 or JKS), for TLS-intercepting proxies.")
  Path trustStore;

  @Option(
      names = "--trust-store-password-env",
      paramLabel = "NAME",
      description = "Environment variable holding the trust store's password.")
  String trustStorePasswordEnv;

  @Option(
      names = "--token-cache",
      paramLabel = "DIR",
      description = "Share the access token with overlapping runs through a file in DIR.")
  Path tokenCache;

  @Option(
      names = "--state-dir",
      paramLabel = "DIR",
      description = "Run state, lock and manifests (default: <out>/_crewexport).")
  String stateDir;

  @Option(
      names = "--spool-dir",
      paramLabel = "DIR",
      description = "Where report bodies are spooled while read (default: the temp folder).")
  String spoolDir;

  @Option(
      names = "--option",
      paramLabel = "KEY=VALUE",
      description = "A sink option, e.g. parquet.codec=zstd or csv.gzip=true. Repeatable.")
  Map<String, String> options = new LinkedHashMap<>();

  @Mixin PluginsOption plugins;

  /** What --report exports take as flags and a config file sets for itself. */
  private static final List<String> CONFIG_FILE_FLAGS =
      List.of(
          "--from",
          "--to",
          "--format",
          "--duckdb-file",
          "--base-url",
          "--environment",
          "--trust-store",
          "--trust-store-password-env",
          "--token-cache",
          "--state-dir",
          "--spool-dir",
          "--option");

  private final BatchSession session;
  private final Map<String, String> env;

  @Inject
  ExportCommand(BatchSession session, @Named("environment") Map<String, String> env) {
    this.session = session;
    this.env = env;
  }

  @Override
  public Integer call() {
    ConfigLoader.Loaded loaded =
        config != null ? fromFile() : ConfigLoader.of("command line", fromFlags());
    return session.run(
        loaded, new BatchSession.Options(Set.copyOf(only), parallel, dryRun, resume), System.out);
  }

  private ConfigLoader.Loaded fromFile() {
    if (!reports.isEmpty() || !sinks.isEmpty() || out != null) {
      throw usage("Give either --config or --report/--sink/--out, not both.");
    }
    List<String> ignored = flagsTheConfigSets();
    if (!ignored.isEmpty()) {
      throw usage(
          String.join(", ", ignored)
              + (ignored.size() == 1 ? " goes" : " go")
              + " with --report only: with --config, set "
              + (ignored.size() == 1 ? "it" : "them")
              + " in the config file (see README, A nightly batch from a config file).");
    }
    return ConfigLoader.load(config);
  }

  /** The flags given that a config file sets for itself, which --config would leave unused. */
  private List<String> flagsTheConfigSets() {
    ParseResult parsed = spec.commandLine().getParseResult();
    return CONFIG_FILE_FLAGS.stream().filter(parsed::hasMatchedOption).toList();
  }

  private BatchConfig fromFlags() {
    if (reports.isEmpty() || sinks.isEmpty() || out == null) {
      throw usage("Give --config FILE, or --report, --sink and --out.");
    }
    PeriodSpec period = period();
    checkRepeatedReports(period);
    List<ReportConfig> list =
        reports.stream()
            .map(
                id ->
                    new ReportConfig(
                        id, null, period, null, null, null, null, null, null, null, null, null))
            .toList();
    Map<String, String> sinkOptions = new LinkedHashMap<>(options);
    if (duckdbFile != null) {
      sinkOptions.put("duckdb.file", duckdbFile.toString());
    }
    Defaults defaults = new Defaults(ContentType.parse(format), sinks, sinkOptions, null);
    return new BatchConfig(
        out, stateDir, spoolDir, null, null, defaults, Map.of("default", account()), list);
  }

  /** Two exports of one report and period would run at once into the same files. */
  private void checkRepeatedReports(PeriodSpec period) {
    Set<String> seen = new HashSet<>();
    for (String id : reports) {
      if (!seen.add(id)) {
        throw usage(
            "--report "
                + id
                + " is given twice for "
                + (period.snapshot() ? "a snapshot" : "period " + period.text())
                + ": the two exports would run at once into the same files and corrupt them."
                + " Give each report once.");
      }
    }
  }

  private PeriodSpec period() {
    if (from == null && to == null) {
      return PeriodSpec.parse("none");
    }
    if (from == null || to == null) {
      throw usage(
          "Give both --from and --to, or neither for a snapshot: Crewmojo takes both dates or none.");
    }
    Period period = Period.parse(from, to);
    return PeriodSpec.parse(period.start() + ".." + period.end());
  }

  private AccountConfig account() {
    boolean token = env.get("CREWMOJO_TOKEN") != null && !env.get("CREWMOJO_TOKEN").isBlank();
    boolean secret =
        env.get("CREWMOJO_CLIENT_SECRET") != null && env.get("CREWMOJO_CLIENT_ID") != null;
    if (!token && !secret) {
      throw usage(
          "No Crewmojo credentials: set CREWMOJO_CLIENT_ID and CREWMOJO_CLIENT_SECRET (from"
              + " Crewmojo's company settings), or CREWMOJO_TOKEN to use a bearer token you"
              + " already have.");
    }
    URI url = baseUrl;
    return new AccountConfig(
        url == null ? environment : null,
        url,
        null,
        token ? null : "CREWMOJO_CLIENT_ID",
        token ? null : "CREWMOJO_CLIENT_SECRET",
        null,
        token ? "CREWMOJO_TOKEN" : null,
        null,
        null,
        null,
        trustStore,
        trustStorePasswordEnv,
        null,
        token ? null : tokenCache);
  }

  private static CrewexportException usage(String message) {
    return new CrewexportException(ErrorCode.CONFIGURATION, message);
  }
}
