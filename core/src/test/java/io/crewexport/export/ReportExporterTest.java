package io.crewexport.export;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
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
import io.crewexport.client.Sleeper;
import io.crewexport.client.StaticTokenProvider;
import io.crewexport.schema.ColumnType;
import io.crewexport.schema.EvolvedSchema;
import io.crewexport.schema.InferredSchema;
import io.crewexport.schema.ReportSchema;
import io.crewexport.spi.ExportTarget;
import io.crewexport.spi.ReportSink;
import io.crewexport.spi.Row;
import io.crewexport.spi.SinkWriter;
import io.crewexport.testing.InMemorySink;
import io.crewexport.testing.ManualClock;
import io.crewexport.testing.Samples;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

final class ReportExporterTest {
  private static final String DOWNLOAD = "/v1/integrations/download/oneonone.summary";

  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String DOWNLOAD_THREAD = "crewexport-download-oneonone_summary";

  @TempDir Path spool;
  private final ManualClock clock = new ManualClock();
  private final Period year = Period.parse("2024-01-01", "2024-12-31");

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  @Test
  void exportsTheVendorSampleTypedIntoTheSink() {
    serveSample();
    InMemorySink sink = new InMemorySink();

    ExportResult result = exporter().export(request(), List.of(sink), target());

    assertThat(result.rowsRead()).isEqualTo(3);
    assertThat(result.sinks()).containsOnlyKeys("memory");
    InMemorySink.Export export = sink.committed("oneonone.summary", target().partitionPath());
    assertThat(export.rows()).hasSize(3);
    Row ari = export.rows().get(1);
    assertThat(ari.get(0)).isEqualTo("Ari Walsh");
    assertThat(ari.get(5)).isEqualTo(false);
    assertThat(ari.get(7)).isEqualTo(LocalDate.of(2022, 10, 31));
    assertThat(ari.get(8)).isEqualTo(0L);
    assertThat(export.rows().get(0).get(7)).isNull();
    assertThat(export.schema().column(6).type()).isEqualTo(ColumnType.DATE);
    assertThat(spool).isEmptyDirectory();
  }

  @Test
  void warnsOfPaddedRowsWhichIsWhatABodyCutShortLooksLike() {
    serve("Employee,Score,Joined\nAda,85,20240101\nBo,8".getBytes(StandardCharsets.UTF_8));
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    Logger logger = (Logger) LoggerFactory.getLogger(ReportExporter.class);
    logger.addAppender(logs);
    try {
      ExportResult result = exporter().export(request(), List.of(new InMemorySink()), target());

      assertThat(result.paddedRows()).isEqualTo(1);
    } finally {
      logger.detachAppender(logs);
    }
    assertThat(logs.list)
        .filteredOn(event -> event.getLevel() == Level.WARN)
        .singleElement()
        .satisfies(
            event ->
                assertThat(event.getFormattedMessage())
                    .startsWith("oneonone.summary [2024-01-01..2024-12-31]: 1 row(s) had fewer")
                    .contains("check the report's last rows"));
  }

  @Test
  void commitsNothingWhenASinkFailsMidway() {
    serveSample();
    InMemorySink good = new InMemorySink();
    InMemorySink failing = new InMemorySink();
    failing.failAtRow(2);

    assertThatThrownBy(() -> exporter().export(request(), List.of(good, failing), target()))
        .hasMessageContaining("injected failure at row 2");

    assertThat(good.partitions()).isZero();
    assertThat(failing.partitions()).isZero();
    assertThat(spool).isEmptyDirectory();
  }

  @Test
  void preparesEverySinkOnAnotherThreadBeforeAnyOpens() {
    serveSample();
    List<String> events = new CopyOnWriteArrayList<>();
    InMemorySink memory = new InMemorySink();
    ReportSink sink =
        preparing(memory, () -> events.add("prepare on " + Thread.currentThread().getName()));

    exporter().export(request(), List.of(sink, sink), target());

    assertThat(events)
        .containsExactly(
            "prepare on crewexport-prepare-oneonone_summary",
            "prepare on crewexport-prepare-oneonone_summary");
    assertThat(memory.committed("oneonone.summary", target().partitionPath()).rows()).hasSize(3);
  }

  @Test
  void readsTheFirstRowsWhileASinkStillPrepares() {
    serveSample();
    InMemorySink memory = new InMemorySink();
    TypingHooks hooks = new TypingHooks();
    AtomicBoolean readWhilePreparing = new AtomicBoolean();
    // A preparation that ends only once the first rows were read and typed, as a sink loading a
    // large native library does while a short report downloads.
    ReportSink sink = preparing(memory, () -> readWhilePreparing.set(hooks.awaitTyped()));

    ExportResult result = exporter().export(request(), List.of(sink), target(), hooks);

    assertThat(readWhilePreparing).as("the first rows were typed while the sink prepared").isTrue();
    assertThat(result.rowsRead()).isEqualTo(3);
    assertThat(memory.committed("oneonone.summary", target().partitionPath()).rows()).hasSize(3);
  }

  @Test
  void aSinkThatCannotWorkFailsTheExportWhileTheVendorStillMakesTheReport() {
    server.stubFor(
        post(urlEqualTo(DOWNLOAD))
            .willReturn(WireMock.okJson("{\"success\":\"true\",\"jobId\":\"j1\"}")));
    InMemorySink memory = new InMemorySink();
    CrewexportException refused = bucketMissing();
    // The download waits for its first poll until it is stopped, as for a report the vendor takes
    // minutes to make: the export must not wait for the report to learn that it cannot write it.
    Sleeper untilStopped = duration -> new CountDownLatch(1).await();
    CrewmojoClient client =
        new CrewmojoClient(
            ClientSettings.of(URI.create(server.baseUrl())),
            new StaticTokenProvider(Secret.of("static-token")),
            clock,
            untilStopped);

    Throwable thrown =
        assertTimeoutPreemptively(
            Duration.ofSeconds(20),
            () ->
                catchThrowable(
                    () ->
                        new ReportExporter(client, spool, clock)
                            .export(request(), List.of(refusing(memory, refused)), target())));

    assertThat(thrown).isSameAs(refused);
    assertThat(memory.opened()).isZero();
    assertThat(spool).isEmptyDirectory();
  }

  @Test
  void aSinkThatCannotWorkFailsTheExportWithItsOwnErrorBeforeAnySinkOpens() {
    serveSample();
    InMemorySink memory = new InMemorySink();
    CrewexportException refused = bucketMissing();

    assertThat(failureOf(memory, refusing(memory, refused))).isSameAs(refused);

    assertThat(memory.opened()).isZero();
    assertThat(spool).isEmptyDirectory();
  }

  @Test
  void aSinkThatFailsWhileTheBodyIsReadFailsTheExportWithItsOwnError() {
    serveSample();
    InMemorySink memory = new InMemorySink();
    CrewexportException refused = bucketMissing();
    CrewexportException suspicious =
        new CrewexportException(ErrorCode.SUSPICIOUS_REPORT, "3 rows, far fewer than before");
    TypingHooks hooks =
        new TypingHooks() {
          @Override
          public void check(ReportRequest request, ReportSchema schema, long rows) {
            throw suspicious;
          }
        };
    // The body is read and refused before the sink learns that it cannot write, as when a short
    // report arrives while a sink still asks a slow object store for its bucket. The sink's error
    // is the one to fix first, and the one whose exit status the CLI gives (a configuration one).
    ReportSink sink =
        preparing(
            memory,
            () -> {
              hooks.awaitTyped();
              throw refused;
            });

    Throwable thrown =
        catchThrowable(() -> exporter().export(request(), List.of(sink), target(), hooks));

    assertThat(thrown).isSameAs(refused);
    assertThat(thrown.getSuppressed()).containsExactly(suspicious);
    assertThat(memory.opened()).isZero();
    assertThat(spool).isEmptyDirectory();
  }

  @Test
  void anUnexpectedPreparationFailureNamesTheSinkAndTheReport() {
    serveSample();
    InMemorySink memory = new InMemorySink();

    assertThat(failureOf(refusing(memory, new IllegalStateException("no codec"))))
        .isInstanceOfSatisfying(
            CrewexportException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SINK_FAILED))
        .hasMessageContaining("oneonone.summary")
        .hasMessageContaining("the memory sink cannot write there")
        .hasMessageContaining("no codec")
        .hasMessageContaining("Nothing was written");

    assertThat(memory.opened()).isZero();
    assertThat(spool).isEmptyDirectory();
  }

  @Test
  void anInterruptWhileTheSinksPrepareEndsTheExportAsInterrupted() {
    serveSample();
    InMemorySink memory = new InMemorySink();
    Thread exporting = Thread.currentThread();
    ReportSink sink =
        preparing(
            memory,
            () -> {
              exporting.interrupt();
              // The body is in by the time the sinks are ready, as for a short report.
              awaitEndOf(DOWNLOAD_THREAD);
            });

    Throwable thrown = catchThrowable(() -> exporter().export(request(), List.of(sink), target()));

    assertThat(thrown)
        .isInstanceOfSatisfying(
            CrewexportException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INTERRUPTED));
    assertThat(memory.partitions()).isZero();
    assertThat(spool).isEmptyDirectory();
  }

  @Test
  void anInterruptReachesASinkStillPreparingSoTheExportEndsWithoutWaitingForIt() throws Exception {
    serveSample();
    CountDownLatch preparing = new CountDownLatch(1);
    AtomicBoolean prepareInterrupted = new AtomicBoolean();
    // A prepare that waits on something slow, such as an object store that does not answer, and
    // gives up when interrupted. The bound only keeps a broken exporter from hanging the suite.
    ReportSink sink =
        preparing(
            new InMemorySink(),
            () -> {
              preparing.countDown();
              try {
                new CountDownLatch(1).await(10, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                prepareInterrupted.set(true);
              }
            });
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread exporting =
        new Thread(
            () ->
                thrown.set(
                    catchThrowable(() -> exporter().export(request(), List.of(sink), target()))));
    exporting.start();
    preparing.await();

    exporting.interrupt();
    exporting.join();

    assertThat(prepareInterrupted).as("the interrupt reached the preparing sink").isTrue();
    assertThat(thrown.get())
        .isInstanceOfSatisfying(
            CrewexportException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INTERRUPTED));
    assertThat(spool).isEmptyDirectory();
  }

  /** Hooks that count {@link #typed} down once the first rows were read and typed. */
  /** Hooks that tell when the first rows were typed. */
  private static class TypingHooks implements ExportHooks {
    private final CountDownLatch typed = new CountDownLatch(1);

    @Override
    public EvolvedSchema evolve(ReportRequest request, InferredSchema inferred) {
      typed.countDown();
      return ExportHooks.NONE.evolve(request, inferred);
    }

    /**
     * Whether the first rows were typed within 10 s; the bound keeps an exporter that never types
     * them from hanging the suite.
     */
    boolean awaitTyped() {
      try {
        return typed.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
  }

  private static CrewexportException bucketMissing() {
    return new CrewexportException(ErrorCode.CONFIGURATION, "bucket lake-x does not exist");
  }

  private static void awaitEndOf(String threadName) {
    while (Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.getName().equals(threadName) && t.isAlive())) {
      Thread.onSpinWait();
    }
  }

  /** What exporting the sample to {@code sinks} throws, or null. */
  private Throwable failureOf(ReportSink... sinks) {
    return catchThrowable(() -> exporter().export(request(), List.of(sinks), target()));
  }

  /** {@code sink}, whose {@link ReportSink#prepare} throws {@code failure}. */
  private static ReportSink refusing(ReportSink sink, RuntimeException failure) {
    return preparing(
        sink,
        () -> {
          throw failure;
        });
  }

  /** {@code sink}, with {@code preparation} run by its {@link ReportSink#prepare}. */
  private static ReportSink preparing(ReportSink sink, Runnable preparation) {
    return new ReportSink() {
      @Override
      public String name() {
        return sink.name();
      }

      @Override
      public void prepare(ExportTarget target) {
        preparation.run();
      }

      @Override
      public SinkWriter open(ReportSchema schema, ExportTarget target) {
        return sink.open(schema, target);
      }
    };
  }

  private void serveSample() {
    serve(Samples.vendorSample());
  }

  private void serve(byte[] csv) {
    server.stubFor(
        post(urlEqualTo(DOWNLOAD))
            .willReturn(
                WireMock.aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "text/csv; charset=utf-8")
                    .withBody(csv)));
  }

  private ReportExporter exporter() {
    ClientSettings settings = ClientSettings.of(URI.create(server.baseUrl()));
    CrewmojoClient client =
        new CrewmojoClient(
            settings, new StaticTokenProvider(Secret.of("static-token")), clock, clock.sleeper());
    return new ReportExporter(client, spool, clock);
  }

  private ReportRequest request() {
    return new ReportRequest("oneonone.summary", year, ContentType.CSV);
  }

  private ExportTarget target() {
    return new ExportTarget("oneonone.summary", year, "run1", clock.instant(), "/unused", Map.of());
  }
}
