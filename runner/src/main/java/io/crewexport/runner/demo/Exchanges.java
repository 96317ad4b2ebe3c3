package io.crewexport.runner.demo;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/** Reading requests and writing the vendor's kinds of response. */
final class Exchanges {
  static final ObjectMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  private static final int MAX_BODY_BYTES = 64 * 1024;
  private static final int STREAM_BUFFER_BYTES = 64 * 1024;

  private Exchanges() {}

  /** The request body; small, since both endpoints take a handful of fields. */
  static byte[] readBody(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
    if (body.length > MAX_BODY_BYTES) {
      throw RejectedRequest.badRequest("the body is larger than " + MAX_BODY_BYTES + " bytes");
    }
    return body;
  }

  /** Decodes {@code a=1&b=2}, as found in a query string or a form body. */
  /** The request body as a JSON object; 400 if it is not one. */
  static JsonNode readJsonObject(byte[] body) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw RejectedRequest.badRequest("the body is not valid JSON");
    } catch (IOException e) {
      throw RejectedRequest.badRequest("the body cannot be read");
    }
    if (root == null || !root.isObject()) {
      throw RejectedRequest.badRequest("the body must be a JSON object");
    }
    return root;
  }

  static Map<String, String> decodeForm(String text) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String pair : text.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      try {
        fields.put(URLDecoder.decode(name, UTF_8), URLDecoder.decode(value, UTF_8));
      } catch (IllegalArgumentException e) {
        throw RejectedRequest.badRequest("malformed percent-encoding");
      }
    }
    return fields;
  }

  /**
   * The vendor's error body; {@code success} is the string {@code "false"}, as the vendor has it.
   */
  static void sendError(HttpExchange exchange, int status, String message) throws IOException {
    ObjectNode body =
        JSON.createObjectNode()
            .put("success", "false")
            .put("httpErrorCode", status)
            .put("errorMessage", message);
    sendJson(exchange, status, body);
  }

  /** The answer for a long-running report: {@code {"success":"true","jobId":"..."}}. */
  static void sendJob(HttpExchange exchange, String jobId) throws IOException {
    sendJson(exchange, 200, JSON.createObjectNode().put("success", "true").put("jobId", jobId));
  }

  static void sendJson(HttpExchange exchange, int status, ObjectNode body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  /**
   * Streams the report, never holding the whole body in memory: with its length when the report
   * knows it, else in chunks.
   */
  static void sendReport(HttpExchange exchange, DemoReport report, ReportFormat format)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", format.mediaType());
    OptionalLong length = format == ReportFormat.CSV ? report.csvLength() : OptionalLong.empty();
    // 0 asks the JDK server for chunked encoding (and an empty body would need -1).
    exchange.sendResponseHeaders(200, Math.max(0, length.orElse(0)));
    OutputStream body = new BufferedOutputStream(exchange.getResponseBody(), STREAM_BUFFER_BYTES);
    format.write(report, body);
    body.flush();
  }
}
