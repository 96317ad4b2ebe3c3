package io.crewexport.client;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.crewexport.client.ClientFixture.DOWNLOAD;
import static io.crewexport.client.ClientFixture.csv;
import static io.crewexport.client.ClientFixture.error;
import static io.crewexport.client.ClientFixture.stubToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.crewexport.ContentType;
import io.crewexport.CrewexportException;
import io.crewexport.Period;
import io.crewexport.ReportRequest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The client's INFO lines say a report was submitted only when its request goes out. */
final class SubmissionLogTest {
  private static final ReportRequest YEAR =
      new ReportRequest("oneonone.summary", Period.parse("20240101", "20241231"), ContentType.CSV);
  private static final String SUBMITTED =
      "oneonone.summary [2024-01-01..2024-12-31]: SUBMITTED (attempt 1, 0 s since request)";
  private static final String TOKEN = "Received an access token (valid 1800 s)";

  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path spool;
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final Logger client = (Logger) LoggerFactory.getLogger("io.crewexport.client");

  @BeforeEach
  void listen() {
    logs.start();
    client.addAppender(logs);
  }

  @AfterEach
  void stopListening() {
    client.detachAppender(logs);
  }

  @Test
  void aRefusedTokenSubmitsNothingAndTheLogSaysNothingWasSubmitted() {
    server.stubFor(post(urlEqualTo("/v1/oauth/token")).willReturn(error(401, "Invalid client")));
    ClientFixture fixture = new ClientFixture(server, spool);

    assertThatThrownBy(() -> fixture.client.download(YEAR, spool))
        .isInstanceOf(CrewexportException.class);

    assertThat(info()).noneMatch(line -> line.contains("SUBMITTED"));
    server.verify(0, postRequestedFor(urlEqualTo(DOWNLOAD)));
  }

  @Test
  void aRequestSentAgainWithAFreshTokenIsTheSameSubmission() {
    ClientFixture.stubDownloadRefusingTheFirstToken(server, csv("Employee\r\nAda\r\n"));
    stubToken(server, ClientFixture.TOKEN);
    ClientFixture fixture = new ClientFixture(server, spool);
    fixture.tokens.current();
    stubToken(server, ClientFixture.TOKEN_2);

    fixture.client.download(YEAR, spool).close();

    assertThat(info())
        .containsSubsequence(TOKEN, SUBMITTED, TOKEN)
        .filteredOn(line -> line.contains("SUBMITTED"))
        .containsExactly(SUBMITTED);
    server.verify(2, postRequestedFor(urlEqualTo(DOWNLOAD)));
  }

  private List<String> info() {
    return logs.list.stream()
        .filter(event -> event.getLevel() == Level.INFO)
        .map(ILoggingEvent::getFormattedMessage)
        .toList();
  }
}
