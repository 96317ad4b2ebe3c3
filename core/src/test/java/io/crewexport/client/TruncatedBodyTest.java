package io.crewexport.client;

import static io.crewexport.client.RawHttpServer.brokenChunked;
import static io.crewexport.client.RawHttpServer.resetMidBody;
import static io.crewexport.client.RawHttpServer.shortBody;
import static io.crewexport.client.RawHttpServer.whole;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crewexport.ContentType;
import io.crewexport.ErrorCode;
import io.crewexport.Period;
import io.crewexport.ReportRequest;
import io.crewexport.RetryLaterException;
import io.crewexport.testing.ManualClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A body cut short is detected and the call retried; a cut body is never handed on as a report.
 * Java's {@code HttpURLConnection} may end a short fixed-length body as a clean end of stream, so
 * the client counts the bytes itself.
 */
final class TruncatedBodyTest {
  static final String BODY = "Employee,Active\r\nAda,No\r\nAri,Yes\r\n";
  static final ReportRequest JANUARY =
      new ReportRequest("oneonone.summary", Period.parse("20240101", "20240131"), ContentType.CSV);

  @TempDir Path spool;
  private final ManualClock clock = new ManualClock();

  @Test
  void retriesABodyShorterThanItsContentLength() throws IOException {
    try (RawHttpServer server = new RawHttpServer(shortBody(100, "Employee,Act"), whole(BODY))) {
      assertDownloadsWholeBodyOnSecondTry(server);
    }
  }

  @Test
  void retriesALargeBodyShorterThanItsContentLength() throws IOException {
    // Larger than what Feign buffers itself (8 KiB), so the body streams through the client's copy.
    String cut = "Employee,Active\r\n" + "Ada,No\r\n".repeat(4_000);
    try (RawHttpServer server = new RawHttpServer(shortBody(1_000_000, cut), whole(BODY))) {
      assertDownloadsWholeBodyOnSecondTry(server);
    }
  }

  @Test
  void retriesAConnectionResetInTheMiddleOfTheBody() throws IOException {
    try (RawHttpServer server =
        new RawHttpServer(resetMidBody(100, "Employee,Active\r\nAda"), whole(BODY))) {
      assertDownloadsWholeBodyOnSecondTry(server);
    }
  }

  @Test
  void retriesAChunkedStreamThatStopsBeforeItsLastChunk() throws IOException {
    try (RawHttpServer server =
        new RawHttpServer(brokenChunked("Employee,Active\r\nAda,No\r\n"), whole(BODY))) {
      assertDownloadsWholeBodyOnSecondTry(server);
    }
  }

  @Test
  void failsWithoutDataWhenEveryTryIsCutShort() throws IOException {
    try (RawHttpServer server = new RawHttpServer(shortBody(100, "Employee,Act"))) {
      CrewmojoClient client = client(server);

      assertThatThrownBy(() -> client.download(JANUARY, spool))
          .isInstanceOf(RetryLaterException.class)
          .hasMessageContaining("oneonone.summary [2024-01-01..2024-01-31]")
          .hasMessageContaining("cut short: 12 of 100 bytes")
          .hasMessageContaining("run again")
          .extracting(e -> ((RetryLaterException) e).code())
          .isEqualTo(ErrorCode.TRANSPORT);

      assertThat(server.connections()).isEqualTo(RetryPolicy.defaults().maxAttempts());
      assertThat(spool).isEmptyDirectory();
    }
  }

  private void assertDownloadsWholeBodyOnSecondTry(RawHttpServer server) throws IOException {
    try (DownloadedReport report = client(server).download(JANUARY, spool)) {
      assertThat(Files.readString(report.file())).isEqualTo(BODY);
      assertThat(report.bytes()).isEqualTo(BODY.length());
      assertThat(spool).isDirectoryContaining(path -> path.equals(report.file()));
      try (var files = Files.list(spool)) {
        assertThat(files).hasSize(1);
      }
    }
    assertThat(server.connections()).isEqualTo(2);
    assertThat(clock.sleeps()).containsExactly(Duration.ofMillis(750));
    assertThat(spool).isEmptyDirectory();
  }

  private CrewmojoClient client(RawHttpServer server) {
    ClientSettings settings =
        ClientSettings.of(server.baseUrl())
            .withReadTimeout(Duration.ofSeconds(5))
            .withConnectTimeout(Duration.ofSeconds(2));
    return new CrewmojoClient(
        settings, new StaticTokenProvider(Secret.of("tok-raw")), clock, clock.sleeper(), () -> 0.5);
  }
}
