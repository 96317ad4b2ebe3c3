package io.crewexport.runner.cli;

import io.crewexport.ContentType;
import io.crewexport.CrewexportException;
import io.crewexport.ErrorCode;
import io.crewexport.Period;
import io.crewexport.ReportRequest;
import io.crewexport.client.ClientSettings;
import io.crewexport.client.Environment;
import io.crewexport.client.Sleeper;
import io.crewexport.client.TokenProvider;
import io.crewexport.runner.batch.BatchOutcome;
import io.crewexport.runner.batch.BatchRunner;
import io.crewexport.runner.batch.Credentials;
import io.crewexport.runner.batch.ExportPlan;
import io.crewexport.runner.batch.SummaryPrinter;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code crewexport export}: one or more reports, one period, into one or more sinks. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Downloads reports from Crewmojo and writes them to the chosen sinks.",
      "Credentials come from the environment: CREWMOJO_CLIENT_ID and CREWMOJO_CLIENT_SECRET,"
          + " or CREWMOJO_TOKEN."
    },
    footer = {"", ExitCode.HELP})
public final class ExportCommand implements Callable<Integer> {
  @Option(
      names = "--report",
      required = true,
      paramLabel = "ID",
      description = "Report id agreed with Crewmojo, e.g. oneonone.summary. Repeatable.")
  List<String> reports;

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
      required = true,
      paramLabel = "NAME",
      description = "Where to write: parquet, duckdb, csv, or a plugin's name. Repeatable.")
  List<String> sinks;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR|URI",
      description = "Output root: a local folder, or hdfs://, s3a://, file:// for Parquet.")
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
      names = "--spool-dir",
      paramLabel = "DIR",
      description = "Where report bodies are spooled while read (default: the temp folder).")
  Path spoolDir;

  @Option(
      names = "--option",
      paramLabel = "KEY=VALUE",
      description = "A sink option, e.g. parquet.codec=zstd or csv.gzip=true. Repeatable.")
  Map<String, String> options = new LinkedHashMap<>();

  private final BatchRunner runner;
  private final Map<String, String> env;
  private final Clock clock;
  private final Sleeper sleeper;

  @Inject
  ExportCommand(
      BatchRunner runner,
      @Named("environment") Map<String, String> env,
      Clock clock,
      Sleeper sleeper) {
    this.runner = runner;
    this.env = env;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  @Override
  public Integer call() {
    ExportPlan plan = plan();
    ClientSettings settings = ClientSettings.of(baseUrl());
    TokenProvider tokens = Credentials.fromEnvironment(env, settings, clock, sleeper);
    BatchOutcome outcome = runner.run(plan, settings, tokens);
    new SummaryPrinter(System.out).print(outcome);
    return outcome.exitCode();
  }

  private ExportPlan plan() {
    ContentType contentType = ContentType.parse(format);
    Period period = period();
    List<ReportRequest> requests =
        reports.stream().map(id -> new ReportRequest(id, period, contentType)).toList();
    Map<String, String> sinkOptions = new LinkedHashMap<>(options);
    if (duckdbFile != null) {
      sinkOptions.put("duckdb.file", duckdbFile.toString());
    }
    Path spool =
        spoolDir != null
            ? spoolDir
            : Path.of(System.getProperty("java.io.tmpdir"), "crewexport-spool");
    return new ExportPlan(requests, sinks, out, sinkOptions, spool);
  }

  private Period period() {
    if (from == null && to == null) {
      return null;
    }
    if (from == null || to == null) {
      throw new CrewexportException(
          ErrorCode.CONFIGURATION,
          "Give both --from and --to, or neither for a snapshot: Crewmojo takes both dates or none.");
    }
    return Period.parse(from, to);
  }

  private URI baseUrl() {
    if (baseUrl != null) {
      return baseUrl;
    }
    return environment == null
        ? Environment.PRODUCTION.baseUrl()
        : Environment.parse(environment).baseUrl();
  }
}
