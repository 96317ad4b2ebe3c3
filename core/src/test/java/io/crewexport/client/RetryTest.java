package io.crewexport.client;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
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

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.crewexport.ContentType;
import io.crewexport.ErrorCode;
import io.crewexport.Period;
import io.crewexport.ReportRequest;
import io.crewexport.RetryLaterException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.TimeZone;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Retries within bounds: Retry-After in its forms, caps, and one budget per call. */
final class RetryTest {
  private static final String BODY = "Employee\r\nAda\r\n";
  private static final ReportRequest MARCH =
      new ReportRequest("oneonone.summary", Period.parse("20240301", "20240331"), ContentType.CSV);

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
  void honoursRetryAfterGivenAsAnHttpDateInGmtWhateverTheJvmZone() {
    // The manual clock starts at 2024-06-01T08:00:00Z.
    stubInTurn(
        server,
        "dated",
        () -> post(urlEqualTo(DOWNLOAD)),
        error(429, "slow down").withHeader("Retry-After", "Sat, 01 Jun 2024 08:00:45 GMT"),
        csv(BODY));
    TimeZone original = TimeZone.getDefault();
    try {
      TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));

      fixture.client.download(MARCH, spool).close();
    } finally {
      TimeZone.setDefault(original);
    }

    assertThat(fixture.clock.sleeps()).containsExactly(Duration.ofSeconds(45));
  }

  @Test
  void readsADecimalRetryAfter() {
    stubInTurn(
        server,
        "decimal",
        () -> post(urlEqualTo(DOWNLOAD)),
        error(503, "busy").withHeader("Retry-After", "2.0"),
        csv(BODY));

    fixture.client.download(MARCH, spool).close();

    assertThat(fixture.clock.sleeps()).containsExactly(Duration.ofSeconds(2));
  }

  @Test
  void capsAHugeRetryAfterAtThePolicyLimit() {
    stubInTurn(
        server,
        "huge",
        () -> post(urlEqualTo(DOWNLOAD)),
        error(429, "come back next year").withHeader("Retry-After", "99999999999"),
        csv(BODY));

    fixture.client.download(MARCH, spool).close();

    assertThat(fixture.clock.sleeps()).containsExactly(RetryPolicy.defaults().maxRetryAfter());
  }

  @Test
  void stopsRetryingWhenTheNextWaitWouldPassTheTimeBudget() {
    RetryPolicy tight =
        new RetryPolicy(
            10,
            Duration.ofSeconds(1),
            Duration.ofSeconds(60),
            Duration.ofSeconds(20),
            Duration.ofMinutes(5));
    CrewmojoClient client = fixture.clientWith(fixture.settings.withRetry(tight));
    server.stubFor(
        post(urlEqualTo(DOWNLOAD))
            .willReturn(error(429, "slow down").withHeader("Retry-After", "8")));

    assertThatThrownBy(() -> client.download(MARCH, spool))
        .isInstanceOf(RetryLaterException.class)
        .hasMessageContaining("oneonone.summary [2024-03-01..2024-03-31]")
        .hasMessageContaining("HTTP 429 (slow down) after 3 tries")
        .satisfies(
            e -> {
              RetryLaterException retry = (RetryLaterException) e;
              assertThat(retry.code()).isEqualTo(ErrorCode.RATE_LIMITED);
              assertThat(retry.retryAfter()).contains(Duration.ofSeconds(8));
            });
    assertThat(fixture.clock.sleeps())
        .containsExactly(Duration.ofSeconds(8), Duration.ofSeconds(8));
  }

  @Test
  void givesEveryCallItsOwnBudgetSoPollsDoNotShareRetries() {
    RetryPolicy threeTries =
        new RetryPolicy(
            3,
            Duration.ofSeconds(1),
            Duration.ofSeconds(60),
            Duration.ofMinutes(10),
            Duration.ofMinutes(5));
    CrewmojoClient client = fixture.clientWith(fixture.settings.withRetry(threeTries));
    stubInTurn(
        server,
        "submit",
        () -> post(urlEqualTo(DOWNLOAD)),
        error(500, "a"),
        error(500, "b"),
        ticket("j1"));
    stubInTurn(
        server,
        "poll",
        () -> get(urlPathEqualTo(DOWNLOAD)),
        error(500, "c"),
        error(502, "d"),
        ticket("j1"),
        error(503, "e"),
        error(500, "f"),
        csv(BODY));

    client.download(MARCH, spool).close();

    server.verify(3, postRequestedFor(urlEqualTo(DOWNLOAD)));
    server.verify(
        6, getRequestedFor(urlPathEqualTo(DOWNLOAD)).withQueryParam("jobId", equalTo("j1")));
  }
}
