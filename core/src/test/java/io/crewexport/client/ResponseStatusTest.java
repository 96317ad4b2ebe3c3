package io.crewexport.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.crewexport.client.ClientFixture.DOWNLOAD;
import static io.crewexport.client.ClientFixture.error;
import static io.crewexport.client.ClientFixture.stubToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.crewexport.ContentType;
import io.crewexport.CrewexportException;
import io.crewexport.ErrorCode;
import io.crewexport.Period;
import io.crewexport.ReportRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every answer in API.md's table, and the plausible ones it leaves out. */
final class ResponseStatusTest {
  private static final ReportRequest JSON_REPORT =
      new ReportRequest("oneonone.summary", Period.parse("20240101", "20241231"), ContentType.JSON);
  private static final ReportRequest CSV_REPORT =
      new ReportRequest("oneonone.summary", Period.parse("20240101", "20241231"), ContentType.CSV);

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
  void takesA200JsonArrayAsTheReport() throws IOException {
    String body = "[{\"Employee\":\"Ada\",\"Active\":\"No\"}]";
    server.stubFor(post(urlEqualTo(DOWNLOAD)).willReturn(okJson(body)));

    try (DownloadedReport report = fixture.client.download(JSON_REPORT, spool)) {
      assertThat(report.json()).isTrue();
      assertThat(Files.readString(report.file())).isEqualTo(body);
    }
  }

  @Test
  void takesA200JsonObjectWrappingRowsAsTheReport() throws IOException {
    String body = "{\"data\":[{\"Employee\":\"Ada\"}]}";
    server.stubFor(post(urlEqualTo(DOWNLOAD)).willReturn(okJson(body)));

    try (DownloadedReport report = fixture.client.download(JSON_REPORT, spool)) {
      assertThat(report.json()).isTrue();
      assertThat(Files.readString(report.file())).isEqualTo(body);
    }
  }

  @ParameterizedTest
  @CsvSource({
    "400, INVALID_REQUEST, 1, Check the report id and the period",
    "500, SERVER_ERROR, 5, contact Crewmojo if it persists",
    "502, SERVER_ERROR, 5, contact Crewmojo if it persists",
    "503, SERVER_ERROR, 5, contact Crewmojo if it persists",
    "429, RATE_LIMITED, 5, export fewer at once"
  })
  void failsWithTheCodeStatusAndVendorMessage(
      int status, ErrorCode code, int tries, String advice) {
    server.stubFor(post(urlEqualTo(DOWNLOAD)).willReturn(error(status, "Report went wrong")));

    assertThatThrownBy(() -> fixture.client.download(CSV_REPORT, spool))
        .isInstanceOf(CrewexportException.class)
        .hasMessageContaining("oneonone.summary [2024-01-01..2024-12-31]")
        .hasMessageContaining("HTTP " + status + " (Report went wrong)")
        .hasMessageContaining(advice)
        .extracting(e -> ((CrewexportException) e).code())
        .isEqualTo(code);
    server.verify(tries, postRequestedFor(urlEqualTo(DOWNLOAD)));
    assertThat(spool).isEmptyDirectory();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "application/json | {\"success\":\"false\",\"httpErrorCode\":500,\"errorMessage\":\"x\"}"
            + " | an error instead of data: x",
        "text/csv | '' | an empty body",
        "text/html | <html><body>Sign in</body></html> | an HTML page",
        "'' | <!DOCTYPE html><html></html> | an HTML page",
        "application/pdf | %PDF-1.4 | content type 'application/pdf'"
      })
  void takesA200ThatIsNotDataForAnError(String type, String body, String described) {
    var answer = aResponse().withStatus(200).withBody(body);
    server.stubFor(
        post(urlEqualTo(DOWNLOAD))
            .willReturn(type.isEmpty() ? answer : answer.withHeader("Content-Type", type)));

    assertThatThrownBy(() -> fixture.client.download(CSV_REPORT, spool))
        .isInstanceOf(CrewexportException.class)
        .hasMessageContaining("oneonone.summary [2024-01-01..2024-12-31]")
        .hasMessageContaining("HTTP 200 with " + described)
        .extracting(e -> ((CrewexportException) e).code())
        .isEqualTo(ErrorCode.UNEXPECTED_RESPONSE);
    assertThat(spool).isEmptyDirectory();
  }

  @Test
  void refusedCredentialsFailAsUnauthorizedBeforeAnyDownload() {
    server.stubFor(
        post(urlEqualTo("/v1/oauth/token")).willReturn(error(401, "Invalid client credentials")));

    assertThatThrownBy(() -> fixture.client.download(CSV_REPORT, spool))
        .isInstanceOf(CrewexportException.class)
        .hasMessageContaining("HTTP 401 (Invalid client credentials)")
        .hasMessageContaining("CREWMOJO_CLIENT_ID")
        .extracting(e -> ((CrewexportException) e).code())
        .isEqualTo(ErrorCode.UNAUTHORIZED);
    server.verify(0, postRequestedFor(urlEqualTo(DOWNLOAD)));
    server.verify(1, postRequestedFor(urlEqualTo("/v1/oauth/token")));
    assertThat(spool).isEmptyDirectory();
  }
}
