package io.crewexport.client;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.crewexport.client.ClientFixture.error;
import static io.crewexport.client.ClientFixture.stubToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.crewexport.CrewexportException;
import io.crewexport.ErrorCode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

final class TokenProviderTest {
  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path spool;

  @Test
  void asksForATokenWithClientCredentials() {
    stubToken(server, ClientFixture.TOKEN);
    ClientFixture fixture = new ClientFixture(server, spool);

    AccessToken token = fixture.tokens.current();

    assertThat(token.value().reveal()).isEqualTo(ClientFixture.TOKEN);
    assertThat(token.expiresAt()).isEqualTo(fixture.clock.instant().plusSeconds(1800));
    server.verify(
        postRequestedFor(urlEqualTo("/v1/oauth/token"))
            .withRequestBody(
                equalToJson(
                    "{\"grant_type\":\"client_credentials\",\"client_id\":\"client-7\","
                        + "\"client_secret\":\"s3cr3t-Value-9\"}")));
  }

  @Test
  void reusesTheTokenUntilShortlyBeforeItExpires() {
    stubToken(server, ClientFixture.TOKEN);
    ClientFixture fixture = new ClientFixture(server, spool);

    fixture.tokens.current();
    fixture.clock.advance(Duration.ofMinutes(26));
    fixture.tokens.current();
    assertThat(server.findAll(postRequestedFor(urlEqualTo("/v1/oauth/token")))).hasSize(1);

    fixture.clock.advance(Duration.ofMinutes(2));
    AccessToken renewed = fixture.tokens.current();
    assertThat(server.findAll(postRequestedFor(urlEqualTo("/v1/oauth/token")))).hasSize(2);
    assertThat(renewed.generation()).isEqualTo(2);
  }

  @Test
  void refusesWrongCredentialsWithoutLeakingTheSecret() {
    server.stubFor(post(urlEqualTo("/v1/oauth/token")).willReturn(error(401, "Unauthorized")));
    ClientFixture fixture = new ClientFixture(server, spool);

    assertThatThrownBy(fixture.tokens::current)
        .isInstanceOf(CrewexportException.class)
        .hasMessageContaining("CREWMOJO_CLIENT_SECRET")
        .hasMessageNotContaining(ClientFixture.SECRET)
        .extracting(e -> ((CrewexportException) e).code())
        .isEqualTo(ErrorCode.UNAUTHORIZED);
  }

  @Test
  void callsAnAnswerThatIsNotJsonTheVendorsFaultNotTheNetworks() {
    server.stubFor(post(urlEqualTo("/v1/oauth/token")).willReturn(okJson("{\"access_token\": x")));
    ClientFixture fixture = new ClientFixture(server, spool);

    assertThatThrownBy(fixture.tokens::current)
        .isInstanceOfSatisfying(
            CrewexportException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.UNEXPECTED_RESPONSE))
        .hasMessageContaining("a token answer that is not JSON: not well-formed JSON at line 1")
        .hasMessageNotContaining("network");
  }

  @Test
  void refusesATokenAnswerOver64KiB() {
    String padding = "x".repeat(64 * 1024);
    server.stubFor(
        post(urlEqualTo("/v1/oauth/token"))
            .willReturn(
                okJson(
                    "{\"access_token\":\"tok-1\",\"expires_in\":3600,\"pad\":\""
                        + padding
                        + "\"}")));
    ClientFixture fixture = new ClientFixture(server, spool);

    assertThatThrownBy(fixture.tokens::current)
        .isInstanceOf(CrewexportException.class)
        .hasMessageContaining("a token answer over 64 KiB");
  }

  @Test
  void masksABearerTokenQuotedInARefusal() {
    server.stubFor(
        post(urlEqualTo("/v1/oauth/token"))
            .willReturn(error(401, "header was Bearer eyJhbGciOi.leaked.part")));
    ClientFixture fixture = new ClientFixture(server, spool);

    assertThatThrownBy(fixture.tokens::current)
        .hasMessageContaining("Bearer ****")
        .hasMessageNotContaining("eyJhbGciOi");
  }

  @Test
  void refreshesOnceForManyThreadsRejectedTogether() throws Exception {
    stubToken(server, ClientFixture.TOKEN);
    ClientFixture fixture = new ClientFixture(server, spool);
    AccessToken first = fixture.tokens.current();
    stubToken(server, ClientFixture.TOKEN_2);

    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<AccessToken>> results =
        java.util.stream.IntStream.range(0, 8)
            .mapToObj(
                i ->
                    pool.submit(
                        () -> {
                          start.await();
                          return fixture.tokens.refresh(first);
                        }))
            .toList();
    start.countDown();
    for (Future<AccessToken> result : results) {
      assertThat(result.get(10, TimeUnit.SECONDS).value().reveal())
          .isEqualTo(ClientFixture.TOKEN_2);
    }
    pool.shutdown();

    assertThat(server.findAll(postRequestedFor(urlEqualTo("/v1/oauth/token")))).hasSize(2);
  }

  @Test
  void neverPrintsTheTokenOrSecret() {
    stubToken(server, ClientFixture.TOKEN);
    ClientFixture fixture = new ClientFixture(server, spool);
    assertThat(fixture.tokens.current().toString()).doesNotContain(ClientFixture.TOKEN);
    assertThat(Secret.of(ClientFixture.SECRET).toString()).isEqualTo("****");
  }
}
