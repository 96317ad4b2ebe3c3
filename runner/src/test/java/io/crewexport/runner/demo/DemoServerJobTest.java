package io.crewexport.runner.demo;

import static io.crewexport.runner.demo.DemoClient.CLIENT_ID;
import static io.crewexport.runner.demo.DemoClient.CLIENT_SECRET;
import static io.crewexport.runner.demo.DemoClient.contentType;
import static io.crewexport.runner.demo.DemoClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class DemoServerJobTest {
  private static final Duration THRESHOLD = Duration.ofMillis(40);
  private static final Duration EXPIRY = Duration.ofMinutes(10);
  private static final Duration GENERATION = Duration.ofSeconds(45);
  private static final String SLOW = "people.directory";
  private static final String SAMPLE = SampleReport.DEFAULT_ID;

  private final MutableClock clock = new MutableClock();
  private final SampleReport sample = SampleReport.load();
  private DemoServer server;
  private DemoClient client;
  private String token;

  @BeforeEach
  void startServer() throws IOException {
    server =
        DemoServer.builder(CLIENT_ID, CLIENT_SECRET)
            .report(sample)
            .report(new GeneratedReport(SLOW, 25, 3, GENERATION))
            .timings(new DemoTimings(THRESHOLD, EXPIRY, Duration.ofHours(1)))
            .clock(clock)
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
  void answersSlowReportWithJobAfterThreshold() {
    long started = System.nanoTime();

    HttpResponse<byte[]> response = client.download(token, SLOW, "{}");

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(THRESHOLD);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(contentType(response)).isEqualTo("application/json");
    JsonNode body = json(response);
    assertThat(body.get("success").asText()).isEqualTo("true");
    assertThat(body.get("jobId").asText()).matches("[0-9a-f]{32}");
    assertThat(server.stats().jobsStarted()).isEqualTo(1);
  }

  @Test
  void pollAnswersJobWhilePendingThenDataWhenReady() {
    String jobId = submitJob(SLOW, "{}");

    HttpResponse<byte[]> pending = client.poll(token, SLOW, jobId);
    clock.advance(GENERATION);
    HttpResponse<byte[]> ready = client.poll(token, SLOW, jobId);

    assertThat(pending.statusCode()).isEqualTo(200);
    assertThat(json(pending).get("jobId").asText()).isEqualTo(jobId);
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(contentType(ready)).isEqualTo("text/csv; charset=utf-8");
    assertThat(DemoClient.text(ready)).startsWith("Employee,Employee Code,Email,");
    assertThat(server.stats().polls()).isEqualTo(2);
    assertThat(server.stats().downloads()).isEqualTo(1);
  }

  @Test
  void forcedJobOnQuickReportIsReadyAtFirstPoll() {
    String jobId = submitJob(SAMPLE, "{\"jobId\":true}");

    HttpResponse<byte[]> ready = client.poll(token, SAMPLE, jobId);

    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(ready.body()).isEqualTo(sample.csvBytes());
  }

  @Test
  void jobKeepsTheFormatOfTheOriginalRequest() {
    String jobId = submitJob(SAMPLE, "{\"jobId\":true,\"contentType\":\"json\"}");

    HttpResponse<byte[]> ready = client.poll(token, SAMPLE, jobId);

    assertThat(contentType(ready)).isEqualTo("application/json");
    assertThat(json(ready)).hasSize(3);
  }

  @Test
  void rejectsJobOnceExpiredCountingFromOriginalRequest() {
    String jobId = submitJob(SLOW, "{}");
    clock.advance(EXPIRY);

    HttpResponse<byte[]> response = client.poll(token, SLOW, jobId);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("errorMessage").asText())
        .isEqualTo("Invalid data received: job " + jobId + " is unknown or has expired");
  }

  @Test
  void rejectsUnknownJob() {
    HttpResponse<byte[]> response = client.poll(token, SLOW, "0123456789abcdef0123456789abcdef");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("httpErrorCode").asInt()).isEqualTo(400);
  }

  @Test
  void rejectsJobPolledUnderAnotherReport() {
    String jobId = submitJob(SLOW, "{}");

    HttpResponse<byte[]> response = client.poll(token, SAMPLE, jobId);

    assertThat(response.statusCode()).isEqualTo(400);
  }

  @Test
  void rejectsPollWithSupersededToken() {
    String jobId = submitJob(SLOW, "{}");
    String fresh = client.token();

    HttpResponse<byte[]> stale = client.poll(token, SLOW, jobId);
    HttpResponse<byte[]> current = client.poll(fresh, SLOW, jobId);

    assertThat(stale.statusCode()).isEqualTo(401);
    assertThat(current.statusCode()).isEqualTo(200);
  }

  private String submitJob(String reportId, String body) {
    HttpResponse<byte[]> response = client.download(token, reportId, body);
    assertThat(response.statusCode()).as(DemoClient.text(response)).isEqualTo(200);
    return json(response).get("jobId").asText();
  }
}
