package io.crewexport.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.crewexport.testing.ManualClock;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

/** A client wired to a WireMock server, with a manual clock and no real sleeping. */
final class ClientFixture {
  static final String CLIENT_ID = "client-7";
  static final String SECRET = "s3cr3t-Value-9";
  static final String TOKEN = "tok-AAAA-1111";
  static final String TOKEN_2 = "tok-BBBB-2222";
  static final String DOWNLOAD = "/v1/integrations/download/oneonone.summary";

  final ManualClock clock = new ManualClock();
  final ClientSettings settings;
  final ClientCredentialsTokenProvider tokens;
  final CrewmojoClient client;
  final Path spool;

  ClientFixture(WireMockExtension server, Path spool) {
    this.spool = spool;
    this.settings =
        ClientSettings.of(URI.create(server.baseUrl()))
            .withReadTimeout(Duration.ofSeconds(5))
            .withConnectTimeout(Duration.ofSeconds(2));
    this.tokens =
        ClientCredentialsTokenProvider.create(
            settings, CLIENT_ID, Secret.of(SECRET), clock, clock.sleeper());
    this.client = new CrewmojoClient(settings, tokens, clock, clock.sleeper(), () -> 0.5);
  }

  /** Another client of the same account (same token provider), with other settings. */
  CrewmojoClient clientWith(ClientSettings other) {
    return new CrewmojoClient(other, tokens, clock, clock.sleeper(), () -> 0.5);
  }

  static void stubToken(WireMockExtension server, String token) {
    server.stubFor(post(urlEqualTo("/v1/oauth/token")).willReturn(tokenAnswer(token)));
  }

  /**
   * Stubs the download to refuse {@link #TOKEN} as expired (401) and to give {@code answer} to
   * {@link #TOKEN_2}, the token a refresh gets once the test stubs it.
   */
  static void stubDownloadRefusingTheFirstToken(
      WireMockExtension server, ResponseDefinitionBuilder answer) {
    server.stubFor(
        post(urlEqualTo(DOWNLOAD))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN))
            .willReturn(error(401, "Token expired")));
    server.stubFor(
        post(urlEqualTo(DOWNLOAD))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN_2))
            .willReturn(answer));
  }

  /** The token endpoint's answer issuing {@code token} for 30 minutes. */
  static ResponseDefinitionBuilder tokenAnswer(String token) {
    return okJson(
        "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":1800}");
  }

  /**
   * Stubs {@code request} to give {@code answers} in turn, the last one from then on. Each call
   * needs a distinct {@code scenario} name.
   */
  static void stubInTurn(
      WireMockExtension server,
      String scenario,
      Supplier<MappingBuilder> request,
      ResponseDefinitionBuilder... answers) {
    for (int i = 0; i < answers.length; i++) {
      ScenarioMappingBuilder step =
          request
              .get()
              .inScenario(scenario)
              .whenScenarioStateIs(i == 0 ? Scenario.STARTED : scenario + "-" + i)
              .willReturn(answers[i]);
      if (i + 1 < answers.length) {
        step = step.willSetStateTo(scenario + "-" + (i + 1));
      }
      server.stubFor(step);
    }
  }

  static ResponseDefinitionBuilder csv(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", "text/csv").withBody(body);
  }

  static ResponseDefinitionBuilder ticket(String jobId) {
    return okJson("{\"success\":\"true\",\"jobId\":\"" + jobId + "\"}");
  }

  static ResponseDefinitionBuilder error(int status, String message) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(
            "{\"success\":\"false\",\"httpErrorCode\":"
                + status
                + ",\"errorMessage\":\""
                + message
                + "\"}");
  }
}
