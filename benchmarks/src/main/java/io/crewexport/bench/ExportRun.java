package io.crewexport.bench;

import io.crewexport.ContentType;
import io.crewexport.Period;
import io.crewexport.ReportRequest;
import io.crewexport.client.ClientCredentialsTokenProvider;
import io.crewexport.client.ClientSettings;
import io.crewexport.client.CrewmojoClient;
import io.crewexport.client.Secret;
import io.crewexport.client.Sleeper;
import io.crewexport.export.ExportResult;
import io.crewexport.export.ReportExporter;
import io.crewexport.sink.csv.CsvSink;
import io.crewexport.sink.duckdb.DuckDbSink;
import io.crewexport.sink.parquet.ParquetSink;
import io.crewexport.spi.ExportTarget;
import io.crewexport.spi.ReportSink;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Our export, end to end and as the command line runs it: a token from the demo server, the
 * download into a spool file, the schema pass, every row into each sink, the commits.
 */
final class ExportRun implements ChildTask {
  /** The task name a child JVM is started with to run this. */
  static final String TASK = "export";

  /** The environment variable that carries the demo server's client secret to the child. */
  static final String SECRET_VARIABLE = "CREWEXPORT_BENCH_SECRET";

  /** Arguments starting with this are sink options: {@code option.duckdb.threads=2}. */
  static final String OPTION_PREFIX = "option.";

  private static final Period PERIOD = Period.parse("2024-01-01", "2024-12-31");

  private final ChildArgs arguments;

  /** Whether a child started with {@code arguments} runs an export, and so needs the server. */
  static boolean runs(ChildArgs arguments) {
    return arguments.task().equals(TASK);
  }

  private ExportRun(ChildArgs arguments) {
    this.arguments = arguments;
  }

  static ExportRun from(ChildArgs arguments) {
    return new ExportRun(arguments);
  }

  @Override
  public Outcome run() {
    Clock clock = Clock.systemUTC();
    ClientSettings settings =
        ClientSettings.of(URI.create(arguments.get("url"))).withReadTimeout(Duration.ofMinutes(5));
    var tokens =
        ClientCredentialsTokenProvider.create(
            settings,
            arguments.get("client-id"),
            Secret.of(System.getenv(SECRET_VARIABLE)),
            clock,
            Sleeper.SYSTEM);
    CrewmojoClient client = new CrewmojoClient(settings, tokens, clock, Sleeper.SYSTEM);
    ReportExporter exporter = new ReportExporter(client, arguments.path("spool"), clock);

    String report = arguments.get("report");
    ExportTarget target =
        new ExportTarget(
            report, PERIOD, arguments.get("run"), clock.instant(), arguments.get("out"), options());
    ExportResult result =
        exporter.export(new ReportRequest(report, PERIOD, ContentType.CSV), sinks(), target);
    return new Outcome(result.rowsRead(), phases(result));
  }

  private List<ReportSink> sinks() {
    List<ReportSink> sinks = new ArrayList<>();
    for (String name : arguments.get("sinks").split(",")) {
      sinks.add(
          switch (name) {
            case "parquet" -> new ParquetSink();
            case "duckdb" -> new DuckDbSink();
            case "csv" -> new CsvSink();
            default -> throw new IllegalArgumentException("unknown sink " + name);
          });
    }
    return sinks;
  }

  private Map<String, String> options() {
    Map<String, String> options = new LinkedHashMap<>();
    arguments
        .values()
        .forEach(
            (key, value) -> {
              if (key.startsWith(OPTION_PREFIX)) {
                options.put(key.substring(OPTION_PREFIX.length()), value);
              }
            });
    return options;
  }

  private static Map<String, Double> phases(ExportResult result) {
    Map<String, Double> phases = new LinkedHashMap<>();
    phases.put("download", seconds(result.download()));
    result
        .sinks()
        .forEach((name, outcome) -> phases.put("sink." + name, seconds(outcome.duration())));
    return phases;
  }

  private static double seconds(Duration duration) {
    return duration.toNanos() / 1e9;
  }
}
