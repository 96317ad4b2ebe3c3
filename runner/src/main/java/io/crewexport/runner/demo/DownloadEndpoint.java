package io.crewexport.runner.demo;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /v1/integrations/download/{reportId}} and its polling twin {@code GET ...?jobId=...}:
 * the data at once for a quick report, a job id after the threshold for a slow one, then the job
 * again until the data is ready.
 */
final class DownloadEndpoint implements ApiHandler.Route {
  static final String PATH = "/v1/integrations/download/";

  private final Map<String, DemoReport> reports;
  private final TokenStore tokens;
  private final JobRegistry jobs;
  private final DemoTimings timings;
  private final Clock clock;
  private final DemoCounters counters;

  DownloadEndpoint(
      Map<String, DemoReport> reports,
      TokenStore tokens,
      JobRegistry jobs,
      DemoTimings timings,
      Clock clock,
      DemoCounters counters) {
    this.reports = reports;
    this.tokens = tokens;
    this.jobs = jobs;
    this.timings = timings;
    this.clock = clock;
    this.counters = counters;
  }

  @Override
  public void serve(HttpExchange exchange) throws IOException {
    String reportId = exchange.getRequestURI().getPath().substring(PATH.length());
    tokens.verify(bearerToken(exchange));
    DemoReport report =
        Optional.ofNullable(reports.get(reportId))
            .orElseThrow(() -> RejectedRequest.badRequest("unknown report '" + reportId + "'"));

    switch (exchange.getRequestMethod()) {
      case "POST" -> submit(exchange, report);
      case "GET" -> poll(exchange, report);
      default -> throw RejectedRequest.methodNotAllowed(exchange.getRequestMethod(), "POST or GET");
    }
  }

  private void submit(HttpExchange exchange, DemoReport report) throws IOException {
    Instant requestedAt = clock.instant();
    DownloadRequest request = DownloadRequest.parse(Exchanges.readBody(exchange));

    if (request.forceJob() || report.generationTime().compareTo(timings.jobThreshold()) > 0) {
      DemoJob job = jobs.start(report, request, requestedAt, timings.jobExpiry());
      counters.jobStarted();
      pause(timings.jobThreshold());
      Exchanges.sendJob(exchange, job.id());
      return;
    }
    pause(report.generationTime());
    counters.download();
    Exchanges.sendReport(exchange, report, request.format());
  }

  private void poll(HttpExchange exchange, DemoReport report) throws IOException {
    String query = Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse("");
    String jobId = Exchanges.decodeForm(query).get("jobId");
    if (jobId == null || jobId.isEmpty()) {
      throw RejectedRequest.badRequest("a GET needs the jobId query parameter");
    }
    counters.poll();

    Instant now = clock.instant();
    DemoJob job =
        jobs.find(report.id(), jobId, now)
            .orElseThrow(
                () -> RejectedRequest.badRequest("job " + jobId + " is unknown or has expired"));
    if (!job.isReady(now)) {
      Exchanges.sendJob(exchange, job.id());
      return;
    }
    counters.download();
    Exchanges.sendReport(exchange, report, job.request().format());
  }

  private static String bearerToken(HttpExchange exchange) {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    String prefix = "Bearer ";
    if (header == null || !header.regionMatches(true, 0, prefix, 0, prefix.length())) {
      throw RejectedRequest.unauthorized(
          "Missing bearer token: send Authorization: Bearer <token>");
    }
    return header.substring(prefix.length()).strip();
  }

  /** Stands in for the vendor's generation time; scaled timings keep this short. */
  private static void pause(Duration duration) throws InterruptedIOException {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("The demo server is shutting down");
    }
  }
}
