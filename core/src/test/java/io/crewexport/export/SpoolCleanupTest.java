package io.crewexport.export;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.crewexport.ContentType;
import io.crewexport.CrewexportException;
import io.crewexport.ErrorCode;
import io.crewexport.Period;
import io.crewexport.ReportRequest;
import io.crewexport.client.ClientSettings;
import io.crewexport.client.CrewmojoClient;
import io.crewexport.client.Secret;
import io.crewexport.client.StaticTokenProvider;
import io.crewexport.schema.ReportSchema;
import io.crewexport.spi.AbstractSinkWriter;
import io.crewexport.spi.ExportTarget;
import io.crewexport.spi.ReportSink;
import io.crewexport.spi.Row;
import io.crewexport.spi.SinkResult;
import io.crewexport.spi.SinkWriter;
import io.crewexport.testing.ManualClock;
import io.crewexport.testing.Samples;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The spool folder holds the body while an export runs, and nothing once it commits or fails. */
final class SpoolCleanupTest {
  private static final String DOWNLOAD = "/v1/integrations/download/oneonone.summary";
  private static final Period YEAR = Period.parse("2024-01-01", "2024-12-31");

  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path spool;
  private final ManualClock clock = new ManualClock();

  @Test
  void holdsTheBodyWhileWritingAndNothingAfterTheCommit() {
    serve("text/csv", new String(Samples.vendorSample(), StandardCharsets.UTF_8));
    SpoolWatchingSink sink = new SpoolWatchingSink(Failure.NONE);

    exporter().export(request(ContentType.CSV), List.of(sink), target());

    assertThat(sink.spoolFilesAtCommit).isEqualTo(1);
    assertThat(spool).isEmptyDirectory();
  }

  @Test
  void emptiesTheSpoolWhenASinkFailsToCommit() {
    serve("text/csv", new String(Samples.vendorSample(), StandardCharsets.UTF_8));

    assertThatThrownBy(() -> export(ContentType.CSV, Failure.COMMIT))
        .isInstanceOf(CrewexportException.class)
        .extracting(e -> ((CrewexportException) e).code())
        .isEqualTo(ErrorCode.SINK_FAILED);
    assertThat(spool).isEmptyDirectory();
  }

  @Test
  void emptiesTheSpoolWhenASinkFailsToOpen() {
    serve("text/csv", new String(Samples.vendorSample(), StandardCharsets.UTF_8));

    assertThatThrownBy(() -> export(ContentType.CSV, Failure.OPEN))
        .hasMessageContaining("injected failure on open");
    assertThat(spool).isEmptyDirectory();
  }

  @Test
  void emptiesTheSpoolWhenTheReportCannotBeRead() {
    serve("application/json", "[{\"Employee\": \"Ada\", \"Active\": ");

    assertThatThrownBy(() -> export(ContentType.JSON, Failure.NONE))
        .isInstanceOf(CrewexportException.class);
    assertThat(spool).isEmptyDirectory();
  }

  @Test
  void leavesNothingWhenEveryDownloadTryIsCutShort() {
    server.stubFor(
        post(urlEqualTo(DOWNLOAD))
            .willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));

    assertThatThrownBy(() -> export(ContentType.CSV, Failure.NONE))
        .isInstanceOf(CrewexportException.class)
        .extracting(e -> ((CrewexportException) e).code())
        .isEqualTo(ErrorCode.TRANSPORT);
    assertThat(spool).isEmptyDirectory();
  }

  private void export(ContentType type, Failure failure) {
    exporter().export(request(type), List.of(new SpoolWatchingSink(failure)), target());
  }

  private void serve(String contentType, String body) {
    server.stubFor(
        post(urlEqualTo(DOWNLOAD))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", contentType)
                    .withBody(body)));
  }

  private ReportExporter exporter() {
    CrewmojoClient client =
        new CrewmojoClient(
            ClientSettings.of(URI.create(server.baseUrl())),
            new StaticTokenProvider(Secret.of("static-token")),
            clock,
            clock.sleeper());
    return new ReportExporter(client, spool, clock);
  }

  private static ReportRequest request(ContentType type) {
    return new ReportRequest("oneonone.summary", YEAR, type);
  }

  private ExportTarget target() {
    return new ExportTarget("oneonone.summary", YEAR, "run1", clock.instant(), "/unused", Map.of());
  }

  private enum Failure {
    NONE,
    OPEN,
    COMMIT
  }

  /** A sink that counts the spool's files when it commits, and fails where it is told to. */
  private final class SpoolWatchingSink implements ReportSink {
    private final Failure failure;
    private long spoolFilesAtCommit = -1;

    SpoolWatchingSink(Failure failure) {
      this.failure = failure;
    }

    @Override
    public String name() {
      return "spool-watching";
    }

    @Override
    public SinkWriter open(ReportSchema schema, ExportTarget target) {
      if (failure == Failure.OPEN) {
        throw new IllegalStateException("injected failure on open");
      }
      return new AbstractSinkWriter() {
        @Override
        protected void append(Row row) {}

        @Override
        protected SinkResult publish(long rows) {
          try (var files = Files.list(spool)) {
            spoolFilesAtCommit = files.count();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          if (failure == Failure.COMMIT) {
            throw new IllegalStateException("injected failure on commit");
          }
          return new SinkResult(rows, "nowhere", List.of(), "-- nothing");
        }

        @Override
        protected void discard() {}
      };
    }
  }
}
