package io.crewexport.runner.demo;

import static io.crewexport.runner.demo.DemoClient.CLIENT_ID;
import static io.crewexport.runner.demo.DemoClient.CLIENT_SECRET;
import static io.crewexport.runner.demo.DemoClient.contentType;
import static io.crewexport.runner.demo.DemoClient.json;
import static io.crewexport.runner.demo.DemoClient.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class DemoServerDownloadTest {
  private static final String SAMPLE = SampleReport.DEFAULT_ID;

  private DemoServer server;
  private DemoClient client;
  private String token;

  @BeforeEach
  void startServer() throws IOException {
    server =
        DemoServer.builder(CLIENT_ID, CLIENT_SECRET)
            .report(SampleReport.load())
            .report(new GeneratedReport("people.directory", 200, 7, Duration.ZERO))
            .timings(
                new DemoTimings(
                    Duration.ofMillis(50), Duration.ofMinutes(10), Duration.ofMinutes(30)))
            .build()
            .start();
    client = new DemoClient(server);
    token = client.token();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void servesSampleCsvByteForByte() throws IOException {
    HttpResponse<byte[]> response =
        client.download(token, SAMPLE, "{\"startDate\":20240101,\"endDate\":20241231}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(contentType(response)).isEqualTo("text/csv; charset=utf-8");
    assertThat(response.body()).isEqualTo(vendorSampleBytes());
    assertThat(server.stats().downloads()).isEqualTo(1);
    assertThat(server.stats().jobsStarted()).isZero();
  }

  @Test
  void sendsACsvOfKnownLengthWithAContentLengthAndOthersInChunks() throws IOException {
    DemoReport sample = SampleReport.load();
    byte[] bytes = vendorSampleBytes();
    DemoReport sized = new RowsOnlyReport("sized.sample", sample, OptionalLong.of(bytes.length));
    try (DemoServer sizedServer =
        DemoServer.builder(CLIENT_ID, CLIENT_SECRET).report(sized).build().start()) {
      DemoClient sizedClient = new DemoClient(sizedServer);
      HttpResponse<byte[]> response = sizedClient.download(sizedClient.token(), "sized.sample", "");

      assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(bytes.length);
      assertThat(response.body()).isEqualTo(bytes);
    }
    HttpResponse<byte[]> chunked = client.download(token, SAMPLE, "");
    assertThat(chunked.headers().firstValue("Transfer-Encoding")).hasValue("chunked");
  }

  @Test
  void treatsEmptyBodyAsCsvOfEverything() throws IOException {
    HttpResponse<byte[]> response = client.download(token, SAMPLE, "");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(vendorSampleBytes());
  }

  @Test
  void servesSampleAsJsonArrayKeyedByHeading() {
    HttpResponse<byte[]> response = client.download(token, SAMPLE, "{\"contentType\":\"json\"}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(contentType(response)).isEqualTo("application/json");
    JsonNode rows = json(response);
    assertThat(rows.isArray()).isTrue();
    assertThat(rows).hasSize(3);
    assertThat(rows.get(1).get("Employee").asText()).isEqualTo("Ari Walsh");
    assertThat(rows.get(1).get("Position History").asText())
        .isEqualTo("- Mechanical Plant Engineer (29 Jun 2021)");
  }

  @Test
  void writesDuplicatedHeadingTwiceInEachJsonObject() {
    HttpResponse<byte[]> response = client.download(token, SAMPLE, "{\"contentType\":\"json\"}");

    assertThat(text(response))
        .contains("\"Active Division  Teams\":\"\",\"Active Division  Teams\":\"\"");
  }

  @Test
  void servesGeneratedReportAsJsonWithEveryRow() {
    HttpResponse<byte[]> response =
        client.download(token, "people.directory", "{\"contentType\":\"JSON\"}");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode rows = json(response);
    assertThat(rows).hasSize(200);
    assertThat(rows.get(0).get("Employee Code").asText()).isEqualTo("emp1");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"startDate\":20240101}",
        "{\"endDate\":20241231}",
        "{\"startDate\":20241231,\"endDate\":20240101}",
        "{\"startDate\":20240230,\"endDate\":20240301}",
        "{\"startDate\":2024011,\"endDate\":20240301}",
        "{\"startDate\":\"20240101\",\"endDate\":\"20241231\"}",
        "{\"startDate\":20240101.5,\"endDate\":20241231}",
        "{\"contentType\":\"xml\"}",
        "{\"contentType\":7}",
        "{\"jobId\":\"yes\"}",
        "not json",
        "[1,2]",
        "{\"startDate\":20240101,\"endDate\":20241231} trailing"
      })
  void rejectsInvalidBodyWithInvalidDataMessage(String body) {
    HttpResponse<byte[]> response = client.download(token, SAMPLE, body);

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode error = json(response);
    assertThat(error.get("success").asText()).isEqualTo("false");
    assertThat(error.get("httpErrorCode").asInt()).isEqualTo(400);
    assertThat(error.get("errorMessage").asText()).startsWith("Invalid data received");
  }

  @Test
  void namesTheFieldThatIsWrong() {
    HttpResponse<byte[]> response =
        client.download(token, SAMPLE, "{\"startDate\":20241231,\"endDate\":20240101}");

    assertThat(json(response).get("errorMessage").asText())
        .isEqualTo("Invalid data received: startDate 2024-12-31 is after endDate 2024-01-01");
  }

  @Test
  void rejectsUnknownReport() {
    HttpResponse<byte[]> response = client.download(token, "nope.report", "{}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("errorMessage").asText())
        .isEqualTo("Invalid data received: unknown report 'nope.report'");
  }

  @Test
  void answersUnknownPathWithJsonNotFound() {
    HttpResponse<byte[]> response =
        client.send(
            HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v2/whatever")).GET().build());

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(json(response).get("httpErrorCode").asInt()).isEqualTo(404);
  }

  private static byte[] vendorSampleBytes() throws IOException {
    try (InputStream in = DemoServerDownloadTest.class.getResourceAsStream(SampleReport.RESOURCE)) {
      assertThat(in).as("vendor sample on the class path").isNotNull();
      return in.readAllBytes();
    }
  }
}
