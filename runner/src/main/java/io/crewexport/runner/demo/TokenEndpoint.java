package io.crewexport.runner.demo;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /v1/oauth/token}: the client-credentials grant, with the fields sent as a form or as
 * a JSON object, as the vendor accepts both.
 */
final class TokenEndpoint implements ApiHandler.Route {
  static final String PATH = "/v1/oauth/token";

  private final ClientCredentials credentials;
  private final TokenStore tokens;
  private final Duration tokenLifetime;
  private final DemoCounters counters;

  TokenEndpoint(
      ClientCredentials credentials,
      TokenStore tokens,
      Duration tokenLifetime,
      DemoCounters counters) {
    this.credentials = credentials;
    this.tokens = tokens;
    this.tokenLifetime = tokenLifetime;
    this.counters = counters;
  }

  @Override
  public void serve(HttpExchange exchange) throws IOException {
    if (!exchange.getRequestURI().getPath().equals(PATH)) {
      throw RejectedRequest.notFound(exchange.getRequestURI().getRawPath());
    }
    if (!exchange.getRequestMethod().equals("POST")) {
      throw RejectedRequest.methodNotAllowed(exchange.getRequestMethod(), "POST");
    }
    String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
    Map<String, String> fields = readFields(contentType, Exchanges.readBody(exchange));

    if (!credentials.matches(fields.get("client_id"), fields.get("client_secret"))) {
      throw RejectedRequest.unauthorized("Invalid client credentials");
    }
    if (!"client_credentials".equals(fields.get("grant_type"))) {
      throw RejectedRequest.badRequest("grant_type must be client_credentials");
    }
    String token = tokens.issue();
    counters.tokenIssued();

    ObjectNode body =
        Exchanges.JSON
            .createObjectNode()
            .put("access_token", token)
            .put("token_type", "Bearer")
            .put("expires_in", tokenLifetime.toSeconds());
    Exchanges.sendJson(exchange, 200, body);
  }

  private static Map<String, String> readFields(String contentType, byte[] body) {
    String text = new String(body, UTF_8).strip();
    // Without a Content-Type, the body's first character is the only hint left.
    boolean json =
        contentType == null
            ? text.startsWith("{")
            : contentType.toLowerCase(Locale.ROOT).contains("json");
    return json ? readJsonFields(body) : Exchanges.decodeForm(text);
  }

  private static Map<String, String> readJsonFields(byte[] body) {
    JsonNode root = Exchanges.readJsonObject(body);
    Map<String, String> fields = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field : root.properties()) {
      if (field.getValue().isValueNode() && !field.getValue().isNull()) {
        fields.put(field.getKey(), field.getValue().asText());
      }
    }
    return fields;
  }
}
