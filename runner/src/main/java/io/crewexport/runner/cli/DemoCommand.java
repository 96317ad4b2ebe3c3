package io.crewexport.runner.cli;

import io.crewexport.runner.batch.BatchSession;
import io.crewexport.runner.config.ConfigLoader;
import io.crewexport.runner.demo.DemoServer;
import io.crewexport.runner.demo.DemoTimings;
import io.crewexport.runner.demo.GeneratedReport;
import io.crewexport.runner.demo.SampleReport;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code crewexport demo}: starts an embedded Crewmojo-compatible server on 127.0.0.1 and runs a
 * batch config against it, the same way {@code export --config} does, exporting the vendor's sample
 * and a generated long-running report into every built-in sink.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Starts an embedded Crewmojo-compatible server on 127.0.0.1 and exports the vendor's"
          + " sample report and a generated 50,000-row report (which takes the job-polling path)"
          + " into Parquet, DuckDB and CSV, through the same batch path as export --config.",
      "--print-config prints the config it runs, as an example to start from."
    },
    footer = {"", ExitCode.HELP})
public final class DemoCommand implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(DemoCommand.class);
  private static final String SECRET_ENV = "DEMO_CLIENT_SECRET";

  @Option(
      names = "--out",
      defaultValue = "crewexport-demo",
      paramLabel = "DIR",
      description = "Output folder (default: ./${DEFAULT-VALUE}).")
  Path out;

  @Spec CommandSpec spec;

  long rows;

  @Option(
      names = "--rows",
      defaultValue = "50000",
      paramLabel = "N",
      description = "Rows of the generated report, 0 or more (default: ${DEFAULT-VALUE}).")
  void setRows(long rows) {
    if (rows < 0) {
      throw new ParameterException(
          spec.commandLine(),
          "Invalid value for option '--rows': " + rows + "; give 0 or more rows.");
    }
    this.rows = rows;
  }

  @Option(names = "--print-config", description = "Print the demo's batch config and stop.")
  boolean printConfig;

  @Mixin PluginsOption plugins;

  private final BatchSession session;

  @Inject
  DemoCommand(BatchSession session) {
    this.session = session;
  }

  @Override
  public Integer call() throws IOException {
    if (printConfig) {
      // The demo's server takes a free port when it starts; the config of a run is written to
      // demo-config.yaml in the output folder with the port it got.
      System.out.print(
          "# base-url below is a placeholder: the demo's server takes a free port at each run.\n"
              + "# Point it at your Crewmojo environment (or write environment: production).\n"
              + config("http://127.0.0.1:8080"));
      return ExitCode.OK;
    }
    String secret = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
    GeneratedReport generated =
        new GeneratedReport(
            GeneratedReport.DEFAULT_ID, rows, GeneratedReport.DEFAULT_SEED, Duration.ofSeconds(3));
    try (DemoServer server =
        DemoServer.builder("demo-client", secret)
            .report(SampleReport.load())
            .report(generated)
            .timings(DemoTimings.demo())
            .build()
            .start()) {
      log.info("Demo server listening on {}", server.baseUrl());
      Path file = Files.createDirectories(out.toAbsolutePath()).resolve("demo-config.yaml");
      Files.writeString(file, config(server.baseUrl()), StandardCharsets.UTF_8);
      int code =
          session.run(
              ConfigLoader.load(file),
              new BatchSession.Options(Set.of(), 2, false, false),
              System.out,
              Map.of(SECRET_ENV, secret));
      DemoServer.Stats stats = server.stats();
      System.out.printf(
          "%nDemo server: %d token(s) issued, %d job(s) started, %d poll(s). Config: %s%n",
          stats.tokensIssued(), stats.jobsStarted(), stats.polls(), file);
      return code;
    }
  }

  /** The demo's batch config, in the format {@code export --config} reads. */
  private String config(String baseUrl) {
    String output = out.toAbsolutePath().normalize().toString().replace("'", "''");
    return String.join(
        "\n",
        "# The batch config crewexport demo runs; export --config reads the same format.",
        "output: '" + output + "'",
        "timezone: UTC",
        "defaults:",
        "  format: csv",
        "  sinks: [parquet, duckdb, csv]",
        "accounts:",
        "  demo:",
        "    base-url: " + baseUrl,
        "    client-id: demo-client",
        "    client-secret-env: " + SECRET_ENV,
        "reports:",
        "  - id: " + SampleReport.DEFAULT_ID,
        "    period: 2024-01-01..2024-12-31",
        "  - id: " + GeneratedReport.DEFAULT_ID,
        "    period: 2024-01-01..2024-12-31",
        "    options:",
        "      allow-shrink: 'true'",
        "");
  }
}
