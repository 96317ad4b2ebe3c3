package io.crewexport.runner.batch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.crewexport.runner.Main;
import io.crewexport.testing.ManualClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A window the vendor never finishes is split in two; each half is exported on its own. */
final class SplitOnTimeoutTest {
  private static final String DOWNLOAD = "/v1/integrations/download/oneonone.summary";

  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path folder;

  @Test
  void splitsAWindowThatKeepsTimingOut() throws Exception {
    server.stubFor(
        post(urlEqualTo("/v1/oauth/token"))
            .willReturn(
                okJson("{\"access_token\":\"t\",\"token_type\":\"Bearer\",\"expires_in\":1800}")));
    server.stubFor(
        post(urlEqualTo(DOWNLOAD))
            .willReturn(
                aResponse().withHeader("Content-Type", "text/csv").withBody("Name\nAda\n")));
    server.stubFor(
        post(urlEqualTo(DOWNLOAD))
            .withRequestBody(
                equalToJson("{\"startDate\":20240101,\"endDate\":20240131}", true, true))
            .willReturn(okJson("{\"success\":\"true\",\"jobId\":\"slow\"}")));
    server.stubFor(
        get(urlPathEqualTo(DOWNLOAD))
            .willReturn(okJson("{\"success\":\"true\",\"jobId\":\"slow\"}")));
    BatchFixture batch = new BatchFixture(folder);
    Path config = folder.resolve("config.yaml");
    Files.writeString(
        config,
        "output: '"
            + batch.out
            + "'\n"
            + "defaults: {sinks: [csv]}\n"
            + "accounts:\n  acme: {base-url: '"
            + server.baseUrl()
            + "', client-id: a,"
            + " client-secret-env: S}\n"
            + "reports:\n  - {id: oneonone.summary, period: 2024-01-01..2024-01-31,"
            + " split-on-timeout: true}\n");
    ManualClock clock = new ManualClock(Instant.parse("2024-02-01T00:00:00Z"));

    int code =
        Main.run(
            Map.of("S", "secret"), clock, clock.sleeper(), "export", "--config", config.toString());

    assertThat(code).isZero();
    assertThat(batch.lastExports())
        .containsExactly(
            "oneonone.summary 2024-01-01..2024-01-15 csv committed",
            "oneonone.summary 2024-01-16..2024-01-31 csv committed");
  }
}
