package io.crewexport.runner.demo;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;

/** The raw HTTP calls the tests make against a {@link DemoServer} on 127.0.0.1. */
final class DemoClient {
  static final String CLIENT_ID = "demo-client";
  static final String CLIENT_SECRET = "s3cret-Demo";
  static final String FORM = "application/x-www-form-urlencoded";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final String baseUrl;

  DemoClient(DemoServer server) {
    this.baseUrl = server.baseUrl();
  }

  /** The body for the token call with the right credentials. */
  static String credentialsForm() {
    return "grant_type=client_credentials&client_id="
        + CLIENT_ID
        + "&client_secret="
        + CLIENT_SECRET;
  }

  HttpResponse<byte[]> requestToken(String contentType, String body) {
    return send(
        HttpRequest.newBuilder(URI.create(baseUrl + "/v1/oauth/token"))
            .header("Content-Type", contentType)
            .POST(BodyPublishers.ofString(body, UTF_8))
            .build());
  }

  /** A fresh token with the right credentials. */
  String token() {
    return json(requestToken(FORM, credentialsForm())).get("access_token").asText();
  }

  HttpResponse<byte[]> download(String token, String reportId, String body) {
    return send(
        HttpRequest.newBuilder(URI.create(baseUrl + "/v1/integrations/download/" + reportId))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(BodyPublishers.ofString(body, UTF_8))
            .build());
  }

  HttpResponse<byte[]> poll(String token, String reportId, String jobId) {
    return send(
        HttpRequest.newBuilder(
                URI.create(baseUrl + "/v1/integrations/download/" + reportId + "?jobId=" + jobId))
            .header("Authorization", "Bearer " + token)
            .GET()
            .build());
  }

  HttpResponse<byte[]> send(HttpRequest request) {
    try {
      return http.send(request, BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while calling the demo server", e);
    }
  }

  static JsonNode json(HttpResponse<byte[]> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("Not JSON: " + text(response), e);
    }
  }

  static String text(HttpResponse<byte[]> response) {
    return new String(response.body(), UTF_8);
  }

  static String contentType(HttpResponse<byte[]> response) {
    return response.headers().firstValue("Content-Type").orElse("");
  }
}
