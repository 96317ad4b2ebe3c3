package io.crewexport.client;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.crewexport.client.ClientFixture.DOWNLOAD;
import static io.crewexport.client.ClientFixture.csv;
import static io.crewexport.client.ClientFixture.error;
import static io.crewexport.client.ClientFixture.stubToken;
import static io.crewexport.client.ClientFixture.ticket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.crewexport.ContentType;
import io.crewexport.Period;
import io.crewexport.ReportRequest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Runs the whole protocol with DEBUG logging and checks no secret reaches a log or message. */
final class SecretsNeverLoggedTest {
  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path spool;
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private Logger root;
  private Level rootLevel;

  @BeforeEach
  void captureEverything() {
    root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    rootLevel = root.getLevel();
    root.setLevel(Level.ALL);
    logs.start();
    root.addAppender(logs);
  }

  @AfterEach
  void stopCapturing() {
    root.detachAppender(logs);
    root.setLevel(rootLevel);
  }

  @Test
  void keepsSecretAndTokensOutOfEveryLogLineAndMessage() {
    stubToken(server, ClientFixture.TOKEN);
    ClientFixture fixture = new ClientFixture(server, spool);
    fixture.tokens.current();
    stubToken(server, ClientFixture.TOKEN_2);
    server.stubFor(
        post(urlEqualTo(DOWNLOAD))
            .withHeader("Authorization", equalTo("Bearer " + ClientFixture.TOKEN))
            .willReturn(error(401, "expired")));
    server.stubFor(
        post(urlEqualTo(DOWNLOAD))
            .withHeader("Authorization", equalTo("Bearer " + ClientFixture.TOKEN_2))
            .willReturn(ticket("j1")));
    server.stubFor(get(urlPathEqualTo(DOWNLOAD)).willReturn(csv("a\n1\n")));
    ReportRequest request =
        new ReportRequest(
            "oneonone.summary", Period.parse("20240101", "20240131"), ContentType.CSV);

    fixture.client.download(request, spool).close();
    server.stubFor(post(urlEqualTo("/v1/oauth/token")).willReturn(error(401, "bad")));
    assertThatThrownBy(() -> fixture.tokens.refresh(fixture.tokens.current()))
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(secrets()));

    assertNoSecretLogged();
    assertThat(logs.list).anyMatch(e -> e.getFormattedMessage().contains("Authorization: ****"));
  }

  @Test
  void keepsATokenOutOfTheLogsAndMessageWhenItsAnswerIsNotWellFormedJson() {
    // A token left unquoted, as a broken gateway may answer: the parser names what it cannot read,
    // up to the first character that cannot be in a Java name, and the retries log that reason.
    String token = "SlAV32hkKG";

    assertThatThrownBy(tokenAnswered("{\"access_token\": " + token + ", \"expires_in\": 3600}"))
        .satisfies(e -> assertThat(stackTraceOf(e)).doesNotContain(token))
        .hasMessageContaining("not well-formed JSON at line 1, column 18");

    assertNoSecretLogged(token);
  }

  @Test
  void masksTheClientSecretWhereTheTokenEndpointQuotesItBack() {
    server.stubFor(
        post(urlEqualTo("/v1/oauth/token"))
            .willReturn(error(401, "client_secret " + ClientFixture.SECRET + " is wrong")));
    ClientFixture fixture = new ClientFixture(server, spool);

    assertThatThrownBy(fixture.tokens::current)
        .satisfies(e -> assertThat(stackTraceOf(e)).doesNotContain(ClientFixture.SECRET))
        .hasMessageContaining("(client_secret **** is wrong)");

    assertNoSecretLogged();
  }

  @Test
  void masksTheTokenWhereTheDownloadQuotesItBackInAnErrorOrRetriedFailure() {
    stubToken(server, ClientFixture.TOKEN);
    ClientFixture fixture = new ClientFixture(server, spool);
    ClientFixture.stubInTurn(
        server,
        "quoting",
        () -> post(urlEqualTo(DOWNLOAD)),
        error(500, "overloaded while serving " + ClientFixture.TOKEN),
        error(400, "bad request with token " + ClientFixture.TOKEN));
    ReportRequest request =
        new ReportRequest(
            "oneonone.summary", Period.parse("20240101", "20240131"), ContentType.CSV);

    assertThatThrownBy(() -> fixture.client.download(request, spool))
        .satisfies(e -> assertThat(stackTraceOf(e)).doesNotContain(ClientFixture.TOKEN))
        .hasMessageContaining("(bad request with token ****)");

    assertNoSecretLogged();
    assertThat(logs.list)
        .anyMatch(e -> e.getFormattedMessage().contains("overloaded while serving ****"));
  }

  @Test
  void refusesATokenThatCannotGoIntoAHeaderWithoutQuotingIt() {
    // Escaped in the JSON, so the answer is well-formed and the token holds a real CR LF.
    String token = "TokA-5\\r\\nX-Evil: 1";

    assertThatThrownBy(tokenAnswered("{\"access_token\": \"" + token + "\", \"expires_in\": 3600}"))
        .satisfies(e -> assertThat(stackTraceOf(e)).doesNotContain("TokA-5").doesNotContain("Evil"))
        .hasMessageContaining("access_token holds a space or a control character");

    assertNoSecretLogged("TokA-5");
  }

  @Test
  void refusesAnEmptyTokenAsTheVendorsMistakeNotOurs() {
    assertThatThrownBy(tokenAnswered("{\"access_token\": \"  \", \"expires_in\": 3600}"))
        .isInstanceOf(io.crewexport.CrewexportException.class)
        .hasMessageContaining("a token answer with an empty access_token");
  }

  @Test
  void keepsSecretAndTokensOutOfTheSharedTokenCacheAndItsLogs() throws Exception {
    stubToken(server, ClientFixture.TOKEN);
    ClientFixture fixture = new ClientFixture(server, spool);
    SharedTokenCache cache = SharedTokenCache.in(spool.resolve("tokens"));
    TokenProvider first = sharing(fixture, cache);
    TokenProvider second = sharing(fixture, cache);

    first.current();
    second.current();

    assertNoSecretLogged();
    assertThat(logs.list).anyMatch(e -> e.getFormattedMessage().contains("shared in"));
    Path file = cache.fileFor(fixture.settings, ClientFixture.CLIENT_ID);
    assertThat(Files.readString(file)).doesNotContain(ClientFixture.SECRET);
    assertThat(file.toString()).doesNotContain(ClientFixture.SECRET).doesNotContain("tok-");
  }

  /** Asks for a token from an endpoint that answers {@code json}. */
  private ThrowingCallable tokenAnswered(String json) {
    server.stubFor(post(urlEqualTo("/v1/oauth/token")).willReturn(okJson(json)));
    return new ClientFixture(server, spool).tokens::current;
  }

  private static TokenProvider sharing(ClientFixture fixture, SharedTokenCache cache) {
    return ClientCredentialsTokenProvider.create(
        fixture.settings,
        ClientFixture.CLIENT_ID,
        Secret.of(ClientFixture.SECRET),
        fixture.clock,
        fixture.clock.sleeper(),
        cache);
  }

  private void assertNoSecretLogged(String... more) {
    assertThat(logs.list).isNotEmpty();
    for (ILoggingEvent event : logs.list) {
      String line =
          event.getFormattedMessage()
              + (event.getThrowableProxy() == null
                  ? ""
                  : ThrowableProxyUtil.asString(event.getThrowableProxy()));
      for (String secret : secrets()) {
        assertThat(line).doesNotContain(secret);
      }
      for (String secret : more) {
        assertThat(line).doesNotContain(secret);
      }
    }
  }

  private static String stackTraceOf(Throwable e) {
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    return trace.toString();
  }

  private static List<String> secrets() {
    return List.of(ClientFixture.SECRET, ClientFixture.TOKEN, ClientFixture.TOKEN_2);
  }
}
