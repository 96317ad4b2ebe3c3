package io.crewexport.client;

import static java.util.Objects.requireNonNull;

import io.crewexport.ReportRequest;
import io.crewexport.client.internal.AuthorizedCalls;
import io.crewexport.client.internal.FeignApis;
import io.crewexport.client.internal.JobPoller;
import io.crewexport.client.internal.PauseGate;
import io.crewexport.client.internal.ResponseReader;
import io.crewexport.client.internal.Retrier;
import io.crewexport.client.internal.Spool;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads reports from one Crewmojo account, following the vendor's rules: bearer tokens, the
 * long-running job path with its 5 and 10 minute clocks, retries with backoff. Thread safe; share
 * one per account.
 *
 * <pre>{@code
 * CrewmojoClient client = new CrewmojoClient(settings, tokens, Clock.systemUTC(), Sleeper.SYSTEM);
 * try (DownloadedReport report = client.download(request, Path.of("/tmp/spool"))) {
 *   // read report.file()
 * }
 * }</pre>
 */
public final class CrewmojoClient {
  private static final Logger log = LoggerFactory.getLogger(CrewmojoClient.class);

  private final ClientSettings settings;
  private final TokenProvider tokens;
  private final Clock clock;
  private final Sleeper sleeper;
  private final DoubleSupplier random;
  private final PauseGate gate;
  private final io.crewexport.client.internal.ReportApi api;

  public CrewmojoClient(
      ClientSettings settings, TokenProvider tokens, Clock clock, Sleeper sleeper) {
    this(settings, tokens, clock, sleeper, () -> ThreadLocalRandom.current().nextDouble());
  }

  /** As above, with the source of jitter given, so tests can pin it. */
  public CrewmojoClient(
      ClientSettings settings,
      TokenProvider tokens,
      Clock clock,
      Sleeper sleeper,
      DoubleSupplier random) {
    this.settings = requireNonNull(settings, "settings");
    this.tokens = requireNonNull(tokens, "tokens");
    this.clock = requireNonNull(clock, "clock");
    this.sleeper = requireNonNull(sleeper, "sleeper");
    this.random = requireNonNull(random, "random");
    this.gate = new PauseGate(clock);
    this.api = FeignApis.reportApi(settings);
  }

  /** Downloads {@code request} into {@code spoolFolder}. */
  public DownloadedReport download(ReportRequest request, Path spoolFolder) {
    return download(request, spoolFolder, bytes -> {});
  }

  /**
   * Downloads {@code request} into a new file of {@code spoolFolder}, telling {@code listener} how
   * it streams.
   *
   * @throws io.crewexport.CrewexportException when the report cannot be had; its code says why
   */
  public DownloadedReport download(
      ReportRequest request, Path spoolFolder, DownloadListener listener) {
    log.info("Requesting {} from {}", request.describe(), settings.baseUrlText());
    ResponseReader reader = new ResponseReader(new Spool(spoolFolder, request), clock, listener);
    Retrier retrier = new Retrier(settings.retry(), clock, sleeper, random, gate);
    JobPoller poller =
        new JobPoller(
            api,
            new AuthorizedCalls(tokens, retrier, reader),
            settings.polling(),
            clock,
            sleeper,
            random);
    JobPoller.Outcome outcome = poller.fetch(request, false);
    log.info("Downloaded {}: {} bytes", request.describe(), outcome.data().bytes());
    return new DownloadedReport(
        request,
        outcome.data().file(),
        outcome.data().bytes(),
        outcome.data().json(),
        outcome.data().charset(),
        outcome.attempts(),
        outcome.polls(),
        outcome.jobIds());
  }
}
