package io.crewexport.runner.faults;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

/**
 * How the fault server answers one request: well ({@link #data()}) or with one of the faults the
 * matrix injects. Each factory names the fault as a user would describe it.
 */
@FunctionalInterface
interface Reply {
  void send(Exchange exchange) throws IOException;

  /** The report, whole and well formed. */
  static Reply data() {
    return exchange -> {
      ReportBody body = exchange.healthyBody();
      exchange.send(200, body.contentType(), body.bytes(), Map.of());
    };
  }

  /** The vendor's error JSON with {@code status}. */
  static Reply status(int status) {
    return exchange -> exchange.error(status, "injected HTTP " + status, Map.of());
  }

  /** The vendor's error JSON with {@code status} and a {@code Retry-After} of {@code seconds}. */
  static Reply status(int status, int retryAfterSeconds) {
    return exchange ->
        exchange.error(
            status,
            "injected HTTP " + status,
            Map.of("Retry-After", String.valueOf(retryAfterSeconds)));
  }

  /** Headers promising the whole body, {@code bytes} of it, then a TCP reset. */
  static Reply resetAfter(int bytes) {
    return exchange -> {
      exchange.sendPart(bytes);
      exchange.reset();
    };
  }

  /** Headers promising the whole body, {@code bytes} of it, then silence for {@code stall}. */
  static Reply stallAfter(int bytes, Duration stall) {
    return exchange -> {
      exchange.sendPart(bytes);
      pause(stall);
    };
  }

  /** A chunked body whose first {@code bytes} arrive as chunks, then the connection just ends. */
  static Reply chunkedCutAfter(int bytes) {
    return exchange -> {
      ReportBody body = exchange.healthyBody();
      exchange.head(
          200, Map.of("Content-Type", body.contentType(), "Transfer-Encoding", "chunked"));
      byte[] part = Arrays.copyOf(body.bytes(), bytes);
      exchange.write((Integer.toHexString(part.length) + "\r\n").getBytes(UTF_8));
      exchange.write(part);
      exchange.write(("\r\n" + Integer.toHexString(body.bytes().length) + "\r\n").getBytes(UTF_8));
      exchange.close();
    };
  }

  /** A {@code Content-Length} promising the whole body, {@code bytes} of it, then a clean close. */
  static Reply lengthCutAfter(int bytes) {
    return exchange -> {
      exchange.sendPart(bytes);
      exchange.close();
    };
  }

  /** The whole body, {@code chunk} bytes at a time with {@code gap} between them. */
  static Reply trickle(int chunk, Duration gap) {
    return exchange -> {
      ReportBody body = exchange.healthyBody();
      byte[] bytes = body.bytes();
      exchange.head(
          200,
          Map.of(
              "Content-Type", body.contentType(), "Content-Length", String.valueOf(bytes.length)));
      for (int from = 0; from < bytes.length; from += chunk) {
        exchange.write(Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + chunk)));
        pause(gap);
      }
    };
  }

  /** {@code then}, after {@code delay}: a report that takes a while to produce. */
  static Reply delayed(Duration delay, Reply then) {
    return exchange -> {
      pause(delay);
      then.send(exchange);
    };
  }

  /** Status 200 with any body, such as an HTML page or invalid UTF-8. */
  static Reply body(String contentType, byte[] bytes) {
    return exchange -> exchange.send(200, contentType, bytes, Map.of());
  }

  /** A job id, whose polls answer "still running" {@code pendingPolls} times, then {@code then}. */
  static Reply job(int pendingPolls, Reply then) {
    return exchange -> {
      String id = exchange.account.startJob(pendingPolls, then);
      exchange.json(200, "{\"success\":\"true\",\"jobId\":\"" + id + "\"}");
    };
  }

  /** A job whose id is the request's own bearer token, as a broken gateway might hand back. */
  static Reply jobNamedAfterTheToken() {
    return exchange -> {
      String token = exchange.request.bearer().orElseThrow();
      String id = exchange.account.startJob(token, 1, data());
      exchange.json(200, "{\"success\":\"true\",\"jobId\":\"" + id + "\"}");
    };
  }

  /** A job id that has expired by its first poll: the poll answers 400, as for an unknown job. */
  static Reply expiredJob() {
    return job(0, exchange -> exchange.error(400, "Invalid data received", Map.of()));
  }

  /** A job that never finishes: every poll answers the job again. */
  static Reply pendingJob() {
    return job(Integer.MAX_VALUE, data());
  }

  /** A 500 whose error message quotes the request's own Authorization header back. */
  static Reply echoAuthorization() {
    return exchange ->
        exchange.error(
            500,
            "cannot serve " + exchange.request.headers().getOrDefault("authorization", ""),
            Map.of());
  }

  /** A 400 whose error message quotes the request's bearer token bare, without "Bearer". */
  static Reply quoteTokenBare() {
    return exchange ->
        exchange.error(
            400,
            "bad request with token "
                + exchange
                    .request
                    .headers()
                    .getOrDefault("authorization", "")
                    .replaceFirst("(?i)^bearer ", ""),
            Map.of());
  }

  private static void pause(Duration duration) throws IOException {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("fault server stopping");
    }
  }
}
