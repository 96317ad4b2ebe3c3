package io.crewexport.runner.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one route for one exchange: turns a {@link RejectedRequest} into the vendor's error body,
 * any other failure into a 500, and logs each request at DEBUG by method, path and status only,
 * never headers, bodies or query strings, so no secret or token reaches the log.
 */
final class ApiHandler implements HttpHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);

  /** One endpoint's behaviour; it responds, or throws {@link RejectedRequest}. */
  @FunctionalInterface
  interface Route {
    void serve(HttpExchange exchange) throws IOException;
  }

  private final Route route;
  private final DemoCounters counters;

  ApiHandler(Route route, DemoCounters counters) {
    this.route = route;
    this.counters = counters;
  }

  @Override
  public void handle(HttpExchange exchange) {
    long started = System.nanoTime();
    try {
      route.serve(exchange);
    } catch (RejectedRequest e) {
      respond(exchange, e.status(), e.getMessage());
    } catch (IOException e) {
      LOG.debug(
          "{} {}: client connection lost: {}", method(exchange), path(exchange), e.toString());
    } catch (RuntimeException e) {
      LOG.warn("{} {} failed", method(exchange), path(exchange), e);
      respond(exchange, 500, "The demo server failed to generate the report");
    } finally {
      exchange.close();
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
      LOG.debug(
          "{} {} -> {} in {} ms",
          method(exchange),
          path(exchange),
          exchange.getResponseCode(),
          millis);
    }
  }

  private void respond(HttpExchange exchange, int status, String message) {
    if (status == 401) {
      counters.unauthorized();
    }
    if (exchange.getResponseCode() != -1) {
      // Headers are already out, so the only signal left is the broken-off body.
      return;
    }
    try {
      Exchanges.sendError(exchange, status, message);
    } catch (IOException e) {
      LOG.debug(
          "{} {}: could not send the error: {}", method(exchange), path(exchange), e.toString());
    }
  }

  private static String method(HttpExchange exchange) {
    return exchange.getRequestMethod();
  }

  private static String path(HttpExchange exchange) {
    return exchange.getRequestURI().getRawPath();
  }
}
