package io.crewexport.runner.cli;

import io.crewexport.ContentType;
import io.crewexport.Period;
import io.crewexport.ReportRequest;
import io.crewexport.client.ClientCredentialsTokenProvider;
import io.crewexport.client.ClientSettings;
import io.crewexport.client.PollingPolicy;
import io.crewexport.client.Secret;
import io.crewexport.client.Sleeper;
import io.crewexport.runner.batch.BatchOutcome;
import io.crewexport.runner.batch.BatchRunner;
import io.crewexport.runner.batch.ExportPlan;
import io.crewexport.runner.batch.SummaryPrinter;
import io.crewexport.runner.demo.DemoServer;
import io.crewexport.runner.demo.DemoTimings;
import io.crewexport.runner.demo.GeneratedReport;
import io.crewexport.runner.demo.SampleReport;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code crewexport demo}: starts an embedded Crewmojo-compatible server on 127.0.0.1 and exports
 * its two reports, the vendor's sample and a generated long-running one, into every built-in sink.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Starts an embedded Crewmojo-compatible server on 127.0.0.1 and exports the vendor's"
          + " sample report and a generated 50,000-row report (which takes the job-polling path)"
          + " into Parquet, DuckDB and CSV."
    },
    footer = {"", ExitCode.HELP})
public final class DemoCommand implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(DemoCommand.class);
  private static final Period PERIOD = Period.parse("2024-01-01", "2024-12-31");

  @Option(
      names = "--out",
      defaultValue = "crewexport-demo",
      paramLabel = "DIR",
      description = "Output folder (default: ./${DEFAULT-VALUE}).")
  Path out;

  @Option(
      names = "--rows",
      defaultValue = "50000",
      paramLabel = "N",
      description = "Rows of the generated report (default: ${DEFAULT-VALUE}).")
  long rows;

  private final BatchRunner runner;
  private final Clock clock;
  private final Sleeper sleeper;

  @Inject
  DemoCommand(BatchRunner runner, Clock clock, Sleeper sleeper) {
    this.runner = runner;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  @Override
  public Integer call() throws IOException {
    String clientId = "demo-client";
    String secret = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
    GeneratedReport generated =
        new GeneratedReport(
            GeneratedReport.DEFAULT_ID, rows, GeneratedReport.DEFAULT_SEED, Duration.ofSeconds(3));
    try (DemoServer server =
        DemoServer.builder(clientId, secret)
            .report(SampleReport.load())
            .report(generated)
            .timings(DemoTimings.demo())
            .build()
            .start()) {
      log.info("Demo server listening on {}", server.baseUrl());
      ClientSettings settings =
          ClientSettings.of(URI.create(server.baseUrl())).withPolling(demoPolling());
      var tokens =
          ClientCredentialsTokenProvider.create(
              settings, clientId, Secret.of(secret), clock, sleeper);
      BatchOutcome outcome = runner.run(plan(generated), settings, tokens);
      new SummaryPrinter(System.out).print(outcome);
      DemoServer.Stats stats = server.stats();
      System.out.printf(
          "%nDemo server: %d token(s) issued, %d job(s) started, %d poll(s).%n",
          stats.tokensIssued(), stats.jobsStarted(), stats.polls());
      return outcome.exitCode();
    }
  }

  private ExportPlan plan(GeneratedReport generated) {
    List<ReportRequest> requests =
        List.of(
            new ReportRequest(SampleReport.DEFAULT_ID, PERIOD, ContentType.CSV),
            new ReportRequest(generated.id(), PERIOD, ContentType.CSV));
    return new ExportPlan(
        requests,
        List.of("parquet", "duckdb", "csv"),
        out.toAbsolutePath().normalize().toString(),
        Map.of(),
        out.toAbsolutePath().resolve(".spool"));
  }

  /** The vendor's polling rules, with the first polls brought down to the demo's scaled clocks. */
  private static PollingPolicy demoPolling() {
    PollingPolicy vendor = PollingPolicy.defaults();
    return new PollingPolicy(
        vendor.maxAttempts(),
        vendor.abandonAfter(),
        vendor.jobLifetime(),
        vendor.expiryMargin(),
        Duration.ofMillis(500),
        Duration.ofSeconds(2),
        vendor.multiplier());
  }
}
