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

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.crewexport.ContentType;
import io.crewexport.CrewexportException;
import io.crewexport.ErrorCode;
import io.crewexport.Period;
import io.crewexport.ReportRequest;
import io.crewexport.client.internal.JobPoller;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * The long-running path against the vendor's clocks, on a manual clock that the server moves too:
 * the POST of a long report answers only after 30 seconds.
 */
final class JobPathTest {
  private static final String BODY = "Employee\r\nAda\r\n";
  private static final ReportRequest Q1 =
      new ReportRequest("oneonone.summary", Period.parse("20240101", "20240331"), ContentType.CSV);
  private static final Duration POST_TAKES = Duration.ofSeconds(30);
  private static final ServerTime serverTime = new ServerTime();

  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().extensions(serverTime))
          .build();

  @TempDir Path spool;
  private ClientFixture fixture;
  private Instant start;

  @BeforeEach
  void setUp() {
    stubToken(server, ClientFixture.TOKEN);
    fixture = new ClientFixture(server, spool);
    fixture.tokens.current();
    serverTime.use(fixture.clock);
    start = fixture.clock.instant();
  }

  @Test
  void pollsThroughManyPendingAnswersBackingOffToTheCap() throws IOException {
    stubSubmits(ticket("a1"));
    stubPolls(
        "a1",
        ticket("a1"),
        ticket("a1"),
        ticket("a1"),
        ticket("a1"),
        ticket("a1"),
        ticket("a1"),
        ticket("a1"),
        csv(BODY));

    try (DownloadedReport report = fixture.client.download(Q1, spool)) {
      assertThat(Files.readString(report.file())).isEqualTo(BODY);
      assertThat(report.polls()).isEqualTo(8);
      assertThat(report.attempts()).isEqualTo(1);
    }

    assertThat(fixture.clock.sleeps())
        .containsExactly(
            Duration.ofMillis(2_000),
            Duration.ofMillis(3_000),
            Duration.ofMillis(4_500),
            Duration.ofMillis(6_750),
            Duration.ofMillis(10_125),
            Duration.ofMillis(15_187),
            Duration.ofMillis(22_781),
            Duration.ofMillis(30_000));
    server.verify(
        8,
        getRequestedFor(urlPathEqualTo(DOWNLOAD))
            .withQueryParam("jobId", equalTo("a1"))
            .withHeader("Authorization", equalTo("Bearer " + ClientFixture.TOKEN)));
  }

  @Test
  void abandonsAnAttemptAtFiveMinutesFromTheRequestThenResubmitsAndSucceeds() throws IOException {
    stubSubmits(ticket("slow"), ticket("quick"));
    server.stubFor(polls("slow").willReturn(ticket("slow")));
    stubPolls("quick", ticket("quick"), csv(BODY));

    try (DownloadedReport report = fixture.client.download(Q1, spool)) {
      assertThat(Files.readString(report.file())).isEqualTo(BODY);
      assertThat(report.attempts()).isEqualTo(2);
      assertThat(report.jobIds()).containsExactly("slow", "quick");
    }

    List<Instant> submits = serverTime.arrivals("POST", DOWNLOAD);
    assertThat(submits).hasSize(2);
    // Measured from the original request, including the 30 s the POST itself took.
    assertThat(lastPollOf("slow")).isBefore(start.plus(Duration.ofMinutes(5)));
    assertThat(lastPollOf("slow")).isAfter(start.plus(Duration.ofMinutes(4)));
    assertThat(submits.get(1)).isBetween(lastPollOf("slow"), start.plus(Duration.ofMinutes(5)));
  }

  @Test
  void stopsPollingBeforeTheJobExpiresWhenThatComesBeforeTheAbandonTime() throws IOException {
    PollingPolicy patient =
        new PollingPolicy(
            3,
            Duration.ofMinutes(20),
            Duration.ofMinutes(10),
            Duration.ofSeconds(30),
            Duration.ofSeconds(2),
            Duration.ofSeconds(30),
            1.5);
    CrewmojoClient client = fixture.clientWith(fixture.settings.withPolling(patient));
    stubSubmits(ticket("old"), ticket("new"));
    server.stubFor(polls("old").willReturn(ticket("old")));
    stubPolls("new", csv(BODY));

    try (DownloadedReport report = client.download(Q1, spool)) {
      assertThat(report.attempts()).isEqualTo(2);
      assertThat(report.jobIds()).containsExactly("old", "new");
    }

    // The job dies 10 minutes after the original request; 30 s are kept free before that.
    Instant expiryLessMargin = start.plus(Duration.ofMinutes(10)).minus(Duration.ofSeconds(30));
    assertThat(lastPollOf("old")).isBefore(expiryLessMargin);
    assertThat(lastPollOf("old")).isAfter(start.plus(Duration.ofMinutes(9)));
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 404, 410})
  void resubmitsOnceWhenAPollIsRefusedForAJobThatMayHaveExpired(int status) throws IOException {
    stubSubmits(ticket("gone"), ticket("fresh"));
    stubPolls("gone", ticket("gone"), error(status, "Invalid data received"));
    stubPolls("fresh", csv(BODY));

    try (DownloadedReport report = fixture.client.download(Q1, spool)) {
      assertThat(report.attempts()).isEqualTo(2);
      assertThat(report.jobIds()).containsExactly("gone", "fresh");
    }
    server.verify(2, postRequestedFor(urlEqualTo(DOWNLOAD)));
  }

  @Test
  void givesUpAfterTheAllowedAttemptsNamingTheReportAndAskingToContactTheVendor() {
    PollingPolicy twoAttempts = withAttempts(2);
    CrewmojoClient client = fixture.clientWith(fixture.settings.withPolling(twoAttempts));
    stubSubmits(ticket("j1"), ticket("j2"));
    stubPolls("j1", error(400, "Invalid data received"));
    stubPolls("j2", error(400, "Invalid data received"));

    assertThatThrownBy(() -> client.download(Q1, spool))
        .isInstanceOf(CrewexportException.class)
        .hasMessageContaining("oneonone.summary [2024-01-01..2024-03-31]")
        .hasMessageContaining("not ready after 2 attempts of up to 5 minutes each")
        .hasMessageContaining("the last poll was answered HTTP 400 (Invalid data received)")
        .hasMessageContaining("job ids: j1, j2")
        .hasMessageContaining("Crewmojo asks to be contacted")
        .extracting(e -> ((CrewexportException) e).code())
        .isEqualTo(ErrorCode.GAVE_UP);
    server.verify(2, postRequestedFor(urlEqualTo(DOWNLOAD)));
    assertThat(spool).isEmptyDirectory();
  }

  @Test
  void logsEachTransitionWithJobIdAttemptAndElapsedTime() {
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    Logger log = (Logger) LoggerFactory.getLogger(JobPoller.class);
    logs.start();
    log.addAppender(logs);
    try {
      stubSubmits(ticket("a1"));
      stubPolls("a1", ticket("a1"), csv(BODY));

      fixture.client.download(Q1, spool).close();
    } finally {
      log.detachAppender(logs);
    }

    assertThat(logs.list)
        .filteredOn(e -> e.getLevel() == Level.INFO)
        .extracting(ILoggingEvent::getFormattedMessage)
        .containsExactly(
            "oneonone.summary [2024-01-01..2024-03-31]: SUBMITTED (attempt 1, 0 s since request)",
            "oneonone.summary [2024-01-01..2024-03-31]: WAITING_ON_JOB (attempt 1, job a1,"
                + " 30 s since request)",
            "oneonone.summary [2024-01-01..2024-03-31]: READY (attempt 1, job a1, 35 s since"
                + " request)");
    assertThat(logs.list)
        .filteredOn(e -> e.getLevel() == Level.DEBUG)
        .extracting(ILoggingEvent::getFormattedMessage)
        .containsExactly(
            "Polling job a1 of oneonone.summary [2024-01-01..2024-03-31]",
            "Polling job a1 of oneonone.summary [2024-01-01..2024-03-31]");
  }

  private static PollingPolicy withAttempts(int attempts) {
    PollingPolicy vendor = PollingPolicy.defaults();
    return new PollingPolicy(
        attempts,
        vendor.abandonAfter(),
        vendor.jobLifetime(),
        vendor.expiryMargin(),
        vendor.firstInterval(),
        vendor.maxInterval(),
        vendor.multiplier());
  }

  private Instant lastPollOf(String jobId) {
    List<Instant> polls = serverTime.arrivals("GET", DOWNLOAD + "?jobId=" + jobId);
    assertThat(polls).isNotEmpty();
    return polls.get(polls.size() - 1);
  }

  /** Each POST takes 30 s on the manual clock, then gives the next answer. */
  private static void stubSubmits(ResponseDefinitionBuilder... answers) {
    stubInTurn(
        server,
        "submit",
        () ->
            post(urlEqualTo(DOWNLOAD))
                .withServeEventListener(ServerTime.NAME, ServerTime.taking(POST_TAKES)),
        answers);
  }

  private static void stubPolls(String jobId, ResponseDefinitionBuilder... answers) {
    stubInTurn(server, "poll-" + jobId, () -> polls(jobId), answers);
  }

  private static MappingBuilder polls(String jobId) {
    return get(urlPathEqualTo(DOWNLOAD))
        .withQueryParam("jobId", equalTo(jobId))
        .withServeEventListener(ServerTime.NAME, ServerTime.taking(Duration.ZERO));
  }
}
