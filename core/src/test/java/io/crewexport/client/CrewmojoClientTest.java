package io.crewexport.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.crewexport.client.ClientFixture.DOWNLOAD;
import static io.crewexport.client.ClientFixture.csv;
import static io.crewexport.client.ClientFixture.error;
import static io.crewexport.client.ClientFixture.stubInTurn;
import static io.crewexport.client.ClientFixture.stubToken;
import static io.crewexport.client.ClientFixture.ticket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.crewexport.ContentType;
import io.crewexport.CrewexportException;
import io.crewexport.ErrorCode;
import io.crewexport.Period;
import io.crewexport.ReportRequest;
import io.crewexport.Version;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

final class CrewmojoClientTest {
  private static final String BODY = "Employee,Active\r\nAda,No\r\n";
  private static final ReportRequest YEAR =
      new ReportRequest(
          "oneonone.summary", Period.parse("20240101", "2024-12-31"), ContentType.CSV);

  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path spool;
  private ClientFixture fixture;

  @BeforeEach
  void setUp() {
    stubToken(server, ClientFixture.TOKEN);
    fixture = new ClientFixture(server, spool);
  }

  @Test
  void downloadsCsvWithTheBearerTokenAndNumericDates() throws IOException {
    server.stubFor(post(urlEqualTo(DOWNLOAD)).willReturn(csv(BODY)));

    try (DownloadedReport report = fixture.client.download(YEAR, spool)) {
      assertThat(Files.readString(report.file())).isEqualTo(BODY);
      assertThat(report.json()).isFalse();
      assertThat(report.attempts()).isEqualTo(1);
    }

    server.verify(
        postRequestedFor(urlEqualTo(DOWNLOAD))
            .withHeader("Authorization", equalTo("Bearer " + ClientFixture.TOKEN))
            .withHeader("Content-Type", equalTo("application/json"))
            .withRequestBody(
                equalToJson(
                    "{\"startDate\":20240101,\"endDate\":20241231,\"contentType\":\"csv\"}")));
    assertThat(spool).isEmptyDirectory();
  }

  @Test
  void namesTheToolAndItsVersionInTheUserAgent() {
    server.stubFor(post(urlEqualTo(DOWNLOAD)).willReturn(csv(BODY)));

    fixture.client.download(YEAR, spool).close();

    assertThat(Version.current()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    String agent =
        "crewexport/" + Version.current() + " (Java " + Runtime.version().feature() + ")";
    server.verify(postRequestedFor(urlEqualTo(DOWNLOAD)).withHeader("User-Agent", equalTo(agent)));
    server.verify(
        postRequestedFor(urlEqualTo("/v1/oauth/token")).withHeader("User-Agent", equalTo(agent)));
  }

  @Test
  void pollsTheJobUntilTheReportIsReady() throws IOException {
    server.stubFor(post(urlEqualTo(DOWNLOAD)).willReturn(ticket("a1")));
    stubPolls("a1", ticket("a1"), ticket("a1"), csv(BODY));

    try (DownloadedReport report = fixture.client.download(YEAR, spool)) {
      assertThat(Files.readString(report.file())).isEqualTo(BODY);
      assertThat(report.polls()).isEqualTo(3);
      assertThat(report.jobIds()).containsExactly("a1");
    }
    server.verify(
        3,
        getRequestedFor(urlPathEqualTo(DOWNLOAD))
            .withQueryParam("jobId", equalTo("a1"))
            .withHeader("Authorization", equalTo("Bearer " + ClientFixture.TOKEN)));
    assertThat(fixture.clock.sleeps())
        .containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofMillis(4500));
  }

  @Test
  void resubmitsWhenThePollSaysTheJobIsGone() throws IOException {
    stubInTurn(server, "resubmit", () -> post(urlEqualTo(DOWNLOAD)), ticket("old"), ticket("new"));
    stubPolls("old", error(400, "Invalid data received"));
    stubPolls("new", csv(BODY));

    try (DownloadedReport report = fixture.client.download(YEAR, spool)) {
      assertThat(report.attempts()).isEqualTo(2);
      assertThat(report.jobIds()).containsExactly("old", "new");
    }
  }

  @Test
  void abandonsEachAttemptAtFiveMinutesThenGivesUpAskingToContactTheVendor() {
    server.stubFor(post(urlEqualTo(DOWNLOAD)).willReturn(ticket("slow")));
    server.stubFor(get(urlPathEqualTo(DOWNLOAD)).willReturn(ticket("slow")));

    assertThatThrownBy(() -> fixture.client.download(YEAR, spool))
        .isInstanceOf(CrewexportException.class)
        .hasMessageContaining("oneonone.summary [2024-01-01..2024-12-31]")
        .hasMessageContaining("3 attempts")
        .hasMessageContaining("contacted")
        .extracting(e -> ((CrewexportException) e).code())
        .isEqualTo(ErrorCode.GAVE_UP);

    server.verify(3, postRequestedFor(urlEqualTo(DOWNLOAD)));
    Duration slept = fixture.clock.sleeps().stream().reduce(Duration.ZERO, Duration::plus);
    assertThat(slept).isLessThanOrEqualTo(Duration.ofMinutes(15));
    assertThat(slept).isGreaterThan(Duration.ofMinutes(12));
  }

  @Test
  void retriesServerErrorsThenSucceeds() throws IOException {
    stubInTurn(
        server,
        "flaky",
        () -> post(urlEqualTo(DOWNLOAD)),
        error(500, "boom"),
        error(500, "boom"),
        csv(BODY));

    try (DownloadedReport report = fixture.client.download(YEAR, spool)) {
      assertThat(Files.readString(report.file())).isEqualTo(BODY);
    }
    assertThat(fixture.clock.sleeps())
        .containsExactly(Duration.ofMillis(750), Duration.ofMillis(1500));
  }

  @Test
  void honoursRetryAfterOnRateLimits() throws IOException {
    stubInTurn(
        server,
        "limited",
        () -> post(urlEqualTo(DOWNLOAD)),
        error(429, "slow down").withHeader("Retry-After", "7"),
        csv(BODY));

    fixture.client.download(YEAR, spool).close();

    assertThat(fixture.clock.sleeps()).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void refreshesTheTokenOnceAfterA401() throws IOException {
    ClientFixture.stubDownloadRefusingTheFirstToken(server, csv(BODY));
    fixture.tokens.current();
    stubToken(server, ClientFixture.TOKEN_2);

    fixture.client.download(YEAR, spool).close();

    server.verify(2, postRequestedFor(urlEqualTo("/v1/oauth/token")));
  }

  @Test
  void failsClearlyWhenAFreshTokenIsRefusedToo() {
    server.stubFor(post(urlEqualTo(DOWNLOAD)).willReturn(error(401, "Unauthorized")));

    assertThatThrownBy(() -> fixture.client.download(YEAR, spool))
        .isInstanceOf(CrewexportException.class)
        .hasMessageContaining("freshly issued token (HTTP 401: Unauthorized)")
        .extracting(e -> ((CrewexportException) e).code())
        .isEqualTo(ErrorCode.UNAUTHORIZED);
    server.verify(2, postRequestedFor(urlEqualTo("/v1/oauth/token")));
    assertThat(spool).isEmptyDirectory();
  }

  @Test
  void neverRetriesABadRequest() {
    server.stubFor(post(urlEqualTo(DOWNLOAD)).willReturn(error(400, "Invalid data received")));

    assertThatThrownBy(() -> fixture.client.download(YEAR, spool))
        .isInstanceOf(CrewexportException.class)
        .hasMessageContaining("HTTP 400 (Invalid data received)")
        .hasMessageContaining("oneonone.summary [2024-01-01..2024-12-31]")
        .extracting(e -> ((CrewexportException) e).code())
        .isEqualTo(ErrorCode.INVALID_REQUEST);
    server.verify(1, postRequestedFor(urlEqualTo(DOWNLOAD)));
  }

  @Test
  void treatsAnHtmlPageWithStatus200AsAnError() {
    server.stubFor(
        post(urlEqualTo(DOWNLOAD))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "text/html")
                    .withBody("<html>Sign in</html>")));

    assertThatThrownBy(() -> fixture.client.download(YEAR, spool))
        .isInstanceOf(CrewexportException.class)
        .hasMessageContaining("HTML page")
        .extracting(e -> ((CrewexportException) e).code())
        .isEqualTo(ErrorCode.UNEXPECTED_RESPONSE);
    assertThat(spool).isEmptyDirectory();
  }

  @Test
  void retriesABodyCutShortInsteadOfPassingItOn() throws IOException {
    stubInTurn(
        server,
        "cut",
        () -> post(urlEqualTo(DOWNLOAD)),
        aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK),
        csv(BODY));

    try (DownloadedReport report = fixture.client.download(YEAR, spool)) {
      assertThat(Files.readString(report.file())).isEqualTo(BODY);
    }
    server.verify(2, postRequestedFor(urlEqualTo(DOWNLOAD)));
    assertThat(spool).isEmptyDirectory();
  }

  @Test
  void refusesPlainHttpToAnotherHost() {
    assertThatThrownBy(() -> ClientSettings.of(java.net.URI.create("http://api.crewmojo.com")))
        .isInstanceOf(CrewexportException.class)
        .hasMessageContaining("TLS only");
    assertThat(ClientSettings.of(java.net.URI.create("http://127.0.0.1:8080/")).baseUrlText())
        .isEqualTo("http://127.0.0.1:8080");
  }

  private static void stubPolls(String jobId, ResponseDefinitionBuilder... answers) {
    stubInTurn(
        server,
        "poll-" + jobId,
        () -> get(urlPathEqualTo(DOWNLOAD)).withQueryParam("jobId", equalTo(jobId)),
        answers);
  }
}
