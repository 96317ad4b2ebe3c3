package io.crewexport.client.internal;

import feign.Request;
import feign.Response;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feign's request log, at DEBUG, without what must never be logged: it prints method, URL, status
 * and timing, header names with {@code Authorization} redacted, and never a body (a token request's
 * body holds the client secret, a token answer holds the token, a report holds personal data).
 */
public final class RedactingFeignLogger extends feign.Logger {
  private static final Logger log = LoggerFactory.getLogger("io.crewexport.http");

  @Override
  protected void logRequest(String configKey, Level logLevel, Request request) {
    if (log.isDebugEnabled()) {
      log.debug("--> {} {}{}", request.httpMethod(), request.url(), headerNames(request));
    }
  }

  @Override
  protected Response logAndRebufferResponse(
      String configKey, Level logLevel, Response response, long elapsedTime) throws IOException {
    if (log.isDebugEnabled()) {
      log.debug("<-- HTTP {} {} ({} ms)", response.status(), response.request().url(), elapsedTime);
    }
    return response;
  }

  @Override
  protected IOException logIOException(
      String configKey, Level logLevel, IOException ioe, long elapsedTime) {
    log.debug("<-- {} ({} ms)", ioe.getClass().getSimpleName(), elapsedTime);
    return ioe;
  }

  @Override
  protected void logRetry(String configKey, Level logLevel) {
    // Retries are ours, not Feign's, and logged by the retrier.
  }

  @Override
  protected void log(String configKey, String format, Object... args) {
    // Everything goes through the methods above; nothing reaches Feign's generic formatter.
  }

  private static String headerNames(Request request) {
    StringBuilder text = new StringBuilder();
    request.headers().keySet().forEach(name -> text.append(' ').append(redacted(name)));
    return text.toString();
  }

  private static String redacted(String name) {
    return name.equalsIgnoreCase("Authorization") ? "Authorization: ****" : name;
  }
}
