package io.crewexport.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.crewexport.ContentType;
import io.crewexport.Period;
import io.crewexport.ReportRequest;
import io.crewexport.client.ClientCredentialsTokenProvider;
import io.crewexport.client.ClientSettings;
import io.crewexport.client.CrewmojoClient;
import io.crewexport.client.Secret;
import io.crewexport.client.Sleeper;
import io.crewexport.runner.demo.GeneratedReport;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import org.slf4j.LoggerFactory;

/**
 * Serves a small report a number of times from the benchmark's own JVM before any run is timed.
 *
 * <p>The demo server shares the machine's cores with the run it serves. Cold, it took about 0.3 s
 * to answer the first run's first request (class loading and the interpreter, on the server's
 * side), a wait a vendor's server does not impose and DuckDB's runs, which read the file directly,
 * never pay. A warm server leaves only our own start-up in the measured time.
 */
final class ServerWarmUp {
  /** The small report's id; it streams from a file, as the measured report does. */
  static final String REPORT_ID = "bench.warmup";

  private static final int ROWS = 2_000;
  private static final int ROUNDS = 30;
  private static final Period PERIOD = Period.parse("2024-01-01", "2024-12-31");

  private ServerWarmUp() {}

  /**
   * The small report, written afresh into {@code folder}: it takes milliseconds, and a file that
   * was damaged since would only show as the server's errors during the warm-up.
   */
  static FileReport report(Path folder) throws IOException {
    Files.createDirectories(folder);
    Path file = folder.resolve("warmup-" + ROWS + ".csv");
    Path partial = folder.resolve(file.getFileName() + ".partial");
    GeneratedReport.writeCsv(partial, ROWS, 1);
    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
    return new FileReport(REPORT_ID, file, 1);
  }

  /**
   * Downloads the small report {@value #ROUNDS} times, each with a fresh token, and deletes each
   * copy. Our loggers say nothing below WARN meanwhile: the client and the server would otherwise
   * log the same few lines for every round.
   */
  static void run(String url, String clientId, String secret, Path spool) throws IOException {
    Files.createDirectories(spool);
    ClientSettings settings = ClientSettings.of(URI.create(url));
    Clock clock = Clock.systemUTC();
    Logger ours = (Logger) LoggerFactory.getLogger("io.crewexport");
    Level level = ours.getLevel();
    if (!ours.getEffectiveLevel().isGreaterOrEqual(Level.WARN)) {
      ours.setLevel(Level.WARN);
    }
    try {
      for (int round = 0; round < ROUNDS; round++) {
        var tokens =
            ClientCredentialsTokenProvider.create(
                settings, clientId, Secret.of(secret), clock, Sleeper.SYSTEM);
        new CrewmojoClient(settings, tokens, clock, Sleeper.SYSTEM)
            .download(new ReportRequest(REPORT_ID, PERIOD, ContentType.CSV), spool)
            .close();
      }
    } finally {
      ours.setLevel(level);
    }
  }
}
