package io.crewexport.export;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
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
import io.crewexport.schema.ColumnType;
import io.crewexport.schema.ReportSchema;
import io.crewexport.spi.ExportTarget;
import io.crewexport.spi.ReportSink;
import io.crewexport.spi.Row;
import io.crewexport.spi.SinkWriter;
import io.crewexport.testing.InMemorySink;
import io.crewexport.testing.ManualClock;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exporter reads a body once when the types guessed from its first rows hold to the end, and
 * twice, with the same result, when they do not; sinks that load the spooled CSV themselves do so
 * only when the rows written are the body's rows.
 */
final class SinglePassTest {
  private static final String REPORT = "people.report";
  private static final int ROWS = 20_000;
  private static final int SAMPLE_CELLS = 3_000;

  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path spool;
  private final ManualClock clock = new ManualClock();
  private final Period year = Period.parse("2024-01-01", "2024-12-31");

  @Test
  void readsOnceWhenTheGuessedTypesHold() {
    serve(body(ROWS, row -> row + "," + (row % 2 == 0 ? "yes" : "no") + ",20240131"));
    Counting sink = new Counting(new InMemorySink());

    ExportResult result = exporter().export(request(), List.of(sink), target());

    assertThat(sink.opens.get()).isOne();
    assertThat(result.rowsRead()).isEqualTo(ROWS);
    assertThat(types(result.schema()))
        .containsExactly(ColumnType.BIGINT, ColumnType.BOOLEAN, ColumnType.DATE);
    List<Row> rows = sink.memory.rows(REPORT);
    assertThat(rows).hasSize(ROWS);
    assertThat(rows.get(ROWS - 1).get(0)).isEqualTo((long) ROWS - 1);
  }

  @Test
  void readsTwiceWithTheWholeBodysTypesWhenALateRowWidensAColumn() {
    serve(body(ROWS, row -> (row == ROWS - 10 ? "1.5" : Integer.toString(row)) + ",yes,0"));
    Counting sink = new Counting(new InMemorySink());

    ExportResult result = exporter().export(request(), List.of(sink), target());

    assertThat(sink.opens.get()).isEqualTo(2);
    assertThat(sink.memory.partitions()).isOne();
    assertThat(result.schema().column(0).type()).isEqualTo(ColumnType.DOUBLE);
    List<Row> rows = sink.memory.rows(REPORT);
    assertThat(rows).hasSize(ROWS);
    assertThat(rows.get(ROWS - 10).get(0)).isEqualTo(1.5);
    assertThat(rows.get(7).get(0)).isEqualTo(7.0);
  }

  @Test
  void checksABigBodyAfterWritingAndCommitsNothingWhenTheCheckRefuses() {
    serve(body(ROWS, row -> row + ",yes,0"));
    Counting sink = new Counting(new InMemorySink());
    ExportHooks refuseAll =
        new ExportHooks() {
          @Override
          public void check(ReportRequest request, ReportSchema schema, long rows) {
            throw new CrewexportException(ErrorCode.SUSPICIOUS_REPORT, rows + " rows refused");
          }
        };

    assertThatThrownBy(() -> exporter().export(request(), List.of(sink), target(), refuseAll))
        .hasMessageContaining(ROWS + " rows refused");

    assertThat(sink.memory.partitions()).isZero();
    assertThat(spool).isEmptyDirectory();
  }

  @Test
  void aBodyMalformedPastTheSampleAbortsEverySink() {
    serve(body(ROWS, row -> row == ROWS / 2 ? "1,\"unclosed" : row + ",yes,0"));
    Counting sink = new Counting(new InMemorySink());

    assertThatThrownBy(() -> exporter().export(request(), List.of(sink), target()))
        .isInstanceOf(CrewexportException.class)
        .hasMessageContaining(REPORT);

    assertThat(sink.memory.partitions()).isZero();
    assertThat(spool).isEmptyDirectory();
  }

  @Test
  void aLoaderLoadsTheBodyOnAThreadOfItsOwnAndGetsNoRows() {
    serve(body(ROWS, row -> row + ",yes,0"));
    LoadingSink loading = new LoadingSink(body -> OptionalLong.of(ROWS));
    InMemorySink memory = new InMemorySink();

    ExportResult result = exporter().export(request(), List.of(loading, memory), target());

    assertThat(loading.loads.get()).isOne();
    assertThat(loading.rowsWritten.get()).isZero();
    assertThat(loading.loadThread).startsWith("crewexport-load-");
    assertThat(result.sinks().get("loading").result().rows()).isEqualTo(ROWS);
    assertThat(memory.rows(REPORT)).hasSize(ROWS);
  }

  @Test
  void aLoadThatCountsOtherRowsOrFailsIsAbortedAndTheRowsAreWrittenInstead() {
    for (LoadingSink.Load load :
        List.<LoadingSink.Load>of(
            body -> OptionalLong.of(ROWS - 1),
            body -> OptionalLong.empty(),
            body -> {
              throw new IllegalStateException("engine failed");
            })) {
      serve(body(ROWS, row -> row + ",yes,0"));
      LoadingSink loading = new LoadingSink(load);

      ExportResult result = exporter().export(request(), List.of(loading), target());

      assertThat(loading.opens.get()).isEqualTo(2);
      assertThat(loading.rowsWritten.get()).isEqualTo(ROWS);
      assertThat(result.sinks().get("loading").result().rows()).isEqualTo(ROWS);
    }
  }

  @Test
  void aLoadOfABodyWithACellOfSpacesThenAQuoteIsNeverCommitted() {
    // Bulk readers unquote such a cell; the export keeps it as it stands. Late, in a later batch
    // than the sample, and early, in the sample.
    for (int spaced : new int[] {ROWS - 10, 3}) {
      serve(body(ROWS, row -> row + ",yes," + (row == spaced ? "  \"t\"" : "t" + row)));
      LoadingSink loading = new LoadingSink(body -> OptionalLong.of(ROWS));
      InMemorySink memory = new InMemorySink();

      exporter().export(request(), List.of(loading, memory), target());

      // In the sample: no load starts. Later: the load is aborted and the rows sent afresh.
      boolean inSample = spaced < SAMPLE_CELLS / 3;
      assertThat(loading.loads.get()).as("row %d", spaced).isEqualTo(inSample ? 0 : 1);
      assertThat(loading.opens.get()).as("row %d", spaced).isEqualTo(inSample ? 1 : 2);
      assertThat(loading.rowsWritten.get()).isEqualTo(ROWS);
      assertThat(memory.rows(REPORT).get(spaced).get(2)).isEqualTo("  \"t\"");
    }
  }

  @Test
  void noLoadIsOfferedWhenTheRowsWrittenAreNotTheBodys() {
    serve(body(ROWS, row -> row + ",yes,0"));
    LoadingSink loading = new LoadingSink(body -> OptionalLong.of(ROWS));
    ExportHooks dropFirst =
        new ExportHooks() {
          @Override
          public RowTransform transform(ReportRequest request, ReportSchema schema) {
            return new RowTransform() {
              @Override
              public ReportSchema schema() {
                return schema;
              }

              @Override
              public Row apply(Row row) {
                return row;
              }
            };
          }
        };

    exporter().export(request(), List.of(loading), target(), dropFirst);

    assertThat(loading.loads.get()).isZero();
    assertThat(loading.rowsWritten.get()).isEqualTo(ROWS);
  }

  @Test
  void aJsonBodyIsReadOnceTooAfterItsDownloadEnded() {
    StringBuilder json = new StringBuilder("[");
    for (int i = 0; i < ROWS; i++) {
      json.append(i == 0 ? "" : ",")
          .append("{\"Number\":\"")
          .append(i)
          .append("\",\"Active\":\"Yes\",\"Since\":\"20240131\"}");
    }
    server.stubFor(
        post(urlEqualTo("/v1/integrations/download/" + REPORT))
            .willReturn(
                WireMock.aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(json.append("]").toString())));
    Counting sink = new Counting(new InMemorySink());

    ExportResult result =
        exporter()
            .export(new ReportRequest(REPORT, year, ContentType.JSON), List.of(sink), target());

    assertThat(sink.opens.get()).isOne();
    assertThat(result.rowsRead()).isEqualTo(ROWS);
    assertThat(types(result.schema()))
        .containsExactly(ColumnType.BIGINT, ColumnType.BOOLEAN, ColumnType.DATE);
    assertThat(sink.memory.rows(REPORT)).hasSize(ROWS);
    assertThat(spool).isEmptyDirectory();
  }

  @Test
  void aSinkFailureStopsTheDownloadInsteadOfWaitingForTheRestOfTheBody() {
    String body = body(ROWS, row -> row + ",yes,0");
    server.stubFor(
        post(urlEqualTo("/v1/integrations/download/" + REPORT))
            .willReturn(csv(body).withChunkedDribbleDelay(200, 10_000)));
    InMemorySink failing = new InMemorySink();
    failing.failAtRow(1);
    AtomicLong downloaded = new AtomicLong();
    ExportHooks progress =
        new ExportHooks() {
          @Override
          public void downloaded(long bytes) {
            downloaded.accumulateAndGet(bytes, Math::max);
          }
        };

    assertThatThrownBy(() -> exporter().export(request(), List.of(failing), target(), progress))
        .hasMessageContaining("injected failure at row 1");

    assertThat(downloaded.get()).isPositive().isLessThan(body.length());
    assertThat(spool).isEmptyDirectory();
    assertThat(Thread.getAllStackTraces().keySet())
        .noneMatch(thread -> thread.getName().startsWith("crewexport-"));
  }

  private static List<ColumnType> types(ReportSchema schema) {
    return schema.columns().stream().map(column -> column.type()).toList();
  }

  private static String body(int rows, IntFunction<String> row) {
    StringBuilder body = new StringBuilder("Number,Active,Since\n");
    for (int i = 0; i < rows; i++) {
      body.append(row.apply(i)).append('\n');
    }
    return body.toString();
  }

  private void serve(String body) {
    server.stubFor(post(urlEqualTo("/v1/integrations/download/" + REPORT)).willReturn(csv(body)));
  }

  private static ResponseDefinitionBuilder csv(String body) {
    return WireMock.aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "text/csv; charset=utf-8")
        .withBody(body);
  }

  private ReportExporter exporter() {
    ClientSettings settings = ClientSettings.of(URI.create(server.baseUrl()));
    CrewmojoClient client =
        new CrewmojoClient(
            settings, new StaticTokenProvider(Secret.of("static-token")), clock, clock.sleeper());
    return new ReportExporter(client, spool, clock, SAMPLE_CELLS);
  }

  private ReportRequest request() {
    return new ReportRequest(REPORT, year, ContentType.CSV);
  }

  private ExportTarget target() {
    return new ExportTarget(REPORT, year, "run1", clock.instant(), "/unused", Map.of());
  }

  /** A sink that counts how often it is opened. */
  private static final class Counting implements ReportSink {
    final InMemorySink memory;
    final AtomicInteger opens = new AtomicInteger();

    Counting(InMemorySink memory) {
      this.memory = memory;
    }

    @Override
    public String name() {
      return memory.name();
    }

    @Override
    public SinkWriter open(ReportSchema schema, ExportTarget target) {
      opens.incrementAndGet();
      return memory.open(schema, target);
    }
  }
}
