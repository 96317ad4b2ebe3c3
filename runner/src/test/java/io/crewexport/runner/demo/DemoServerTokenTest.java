package io.crewexport.runner.demo;

import static io.crewexport.runner.demo.DemoClient.CLIENT_ID;
import static io.crewexport.runner.demo.DemoClient.CLIENT_SECRET;
import static io.crewexport.runner.demo.DemoClient.FORM;
import static io.crewexport.runner.demo.DemoClient.json;
import static io.crewexport.runner.demo.DemoClient.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class DemoServerTokenTest {
  private static final Duration TOKEN_LIFETIME = Duration.ofMinutes(30);

  private final MutableClock clock = new MutableClock();
  private DemoServer server;
  private DemoClient client;

  @BeforeEach
  void startServer() throws IOException {
    server =
        DemoServer.builder(CLIENT_ID, CLIENT_SECRET)
            .report(SampleReport.load())
            .timings(new DemoTimings(Duration.ofMillis(10), Duration.ofMinutes(10), TOKEN_LIFETIME))
            .clock(clock)
            .build()
            .start();
    client = new DemoClient(server);
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void issuesBearerTokenForFormEncodedCredentials() {
    HttpResponse<byte[]> response = client.requestToken(FORM, DemoClient.credentialsForm());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(DemoClient.contentType(response)).startsWith("application/json");
    JsonNode body = json(response);
    assertThat(body.get("access_token").asText()).hasSizeGreaterThan(30);
    assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
    assertThat(body.get("expires_in").asLong()).isEqualTo(1800);
    assertThat(server.stats().tokensIssued()).isEqualTo(1);
  }

  @Test
  void issuesTokenForCredentialsSentAsJsonObject() {
    String body =
        "{\"grant_type\":\"client_credentials\",\"client_id\":\""
            + CLIENT_ID
            + "\",\"client_secret\":\""
            + CLIENT_SECRET
            + "\"}";

    HttpResponse<byte[]> response = client.requestToken("application/json", body);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).get("token_type").asText()).isEqualTo("Bearer");
  }

  @Test
  void rejectsWrongSecretWithVendorErrorBody() {
    String body = "grant_type=client_credentials&client_id=" + CLIENT_ID + "&client_secret=nope";

    HttpResponse<byte[]> response = client.requestToken(FORM, body);

    assertThat(response.statusCode()).isEqualTo(401);
    JsonNode error = json(response);
    assertThat(error.get("success").isTextual()).isTrue();
    assertThat(error.get("success").asText()).isEqualTo("false");
    assertThat(error.get("httpErrorCode").isInt()).isTrue();
    assertThat(error.get("httpErrorCode").asInt()).isEqualTo(401);
    assertThat(error.get("errorMessage").asText()).contains("credentials");
    assertThat(text(response)).doesNotContain(CLIENT_SECRET);
  }

  @Test
  void rejectsMissingCredentials() {
    HttpResponse<byte[]> response = client.requestToken(FORM, "grant_type=client_credentials");

    assertThat(response.statusCode()).isEqualTo(401);
  }

  @Test
  void rejectsOtherGrantTypeWithRightCredentials() {
    String body = DemoClient.credentialsForm().replace("client_credentials", "password");

    HttpResponse<byte[]> response = client.requestToken(FORM, body);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("errorMessage").asText()).contains("grant_type");
  }

  @Test
  void newTokenSupersedesEveryEarlierToken() {
    String first = client.token();
    String second = client.token();

    HttpResponse<byte[]> withFirst = client.download(first, SampleReport.DEFAULT_ID, "{}");
    HttpResponse<byte[]> withSecond = client.download(second, SampleReport.DEFAULT_ID, "{}");

    assertThat(withFirst.statusCode()).isEqualTo(401);
    assertThat(json(withFirst).get("errorMessage").asText()).contains("superseded");
    assertThat(withSecond.statusCode()).isEqualTo(200);
    assertThat(server.stats().tokensIssued()).isEqualTo(2);
    assertThat(server.stats().unauthorized()).isEqualTo(1);
  }

  @Test
  void rejectsTokenAfterItsLifetime() {
    String token = client.token();
    clock.advance(TOKEN_LIFETIME);

    HttpResponse<byte[]> response = client.download(token, SampleReport.DEFAULT_ID, "{}");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(json(response).get("errorMessage").asText()).contains("expired");
  }

  @Test
  void rejectsDownloadWithoutBearerToken() {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(server.baseUrl() + "/v1/integrations/download/oneonone.summary"))
            .POST(HttpRequest.BodyPublishers.ofString("{}"))
            .build();

    HttpResponse<byte[]> response = client.send(request);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(json(response).get("httpErrorCode").asInt()).isEqualTo(401);
  }
}
