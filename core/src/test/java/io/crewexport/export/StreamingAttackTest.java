package io.crewexport.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.crewexport.ContentType;
import io.crewexport.Period;
import io.crewexport.ReportRequest;
import io.crewexport.client.ClientSettings;
import io.crewexport.client.CrewmojoClient;
import io.crewexport.client.Secret;
import io.crewexport.client.StaticTokenProvider;
import io.crewexport.schema.ColumnType;
import io.crewexport.schema.EvolvedSchema;
import io.crewexport.schema.InferredSchema;
import io.crewexport.schema.SchemaEvolution;
import io.crewexport.spi.ExportTarget;
import io.crewexport.testing.InMemorySink;
import io.crewexport.testing.ManualClock;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attacks on the one-pass export while the body still streams in, on a scripted loopback server.
 */
final class StreamingAttackTest {
  private static final String REPORT = "people.report";
  private static final int ROWS = 20_000;
  private static final int SAMPLE_CELLS = 3_000;

  @TempDir Path spool;
  private final ManualClock clock = new ManualClock();
  private final Period year = Period.parse("2024-01-01", "2024-12-31");

  @Test
  void aLoaderSinkAndTypesThatChangeWhileTheBodyStreamsStillExport() throws Exception {
    // Row 15,000 widens column 0 to DOUBLE; the server holds the last rows back until the test
    // lets them go, so the change is found while the download still runs.
    String head =
        rows(0, 18_000, row -> (row == 15_000 ? "1.5" : Integer.toString(row)) + ",yes,0");
    String tail = rows(18_000, ROWS, row -> row + ",yes,0");
    CountDownLatch rest = new CountDownLatch(1);
    LoadingSink loading = new LoadingSink(body -> OptionalLong.of(ROWS));
    InMemorySink memory = new InMemorySink();
    ExportHooks releaseOnChange =
        new ExportHooks() {
          @Override
          public EvolvedSchema evolve(ReportRequest request, InferredSchema inferred) {
            EvolvedSchema evolved = SchemaEvolution.first(inferred);
            if (evolved.schema().column(0).type() == ColumnType.DOUBLE) {
              // The download goes on untouched while the export starts over.
              rest.countDown();
            }
            return evolved;
          }
        };
    try (ScriptedServer server =
        new ScriptedServer(List.of(ScriptedServer.Body.held(header() + head, tail, rest)))) {
      ExportResult result =
          exporter(server).export(request(), List.of(loading, memory), target(), releaseOnChange);

      assertThat(result.rowsRead()).isEqualTo(ROWS);
      assertThat(result.schema().column(0).type()).isEqualTo(ColumnType.DOUBLE);
      assertThat(memory.rows(REPORT)).hasSize(ROWS);
      assertThat(server.requests()).isOne();
    }
  }

  @Test
  void aBodyCutMidStreamIsReadAgainFromTheRetryWithoutALoader() throws Exception {
    assertThat(exportCutThenRetried(false).rowsRead()).isEqualTo(ROWS);
  }

  @Test
  void aBodyCutMidStreamIsReadAgainFromTheRetryWithALoader() throws Exception {
    assertThat(exportCutThenRetried(true).rowsRead()).isEqualTo(ROWS);
  }

  @Test
  void aRetryThatBringsAnotherBodyIsExportedAsThatBody() throws Exception {
    CountDownLatch writing = new CountDownLatch(1);
    ExportHooks cutWhenWriting = openWhenWriting(writing);
    String other = "Name,Age\n" + rows(0, 100, row -> "n" + row + "," + row);
    InMemorySink memory = new InMemorySink();
    try (ScriptedServer server =
        new ScriptedServer(
            List.of(
                ScriptedServer.Body.cutAfter(
                    header() + rows(0, 18_000, row -> row + ",yes,0"), "9,no,0\n", writing),
                ScriptedServer.Body.whole(other)))) {
      ExportResult result =
          exporter(server).export(request(), List.of(memory), target(), cutWhenWriting);

      assertThat(result.rowsRead()).isEqualTo(100);
      assertThat(result.schema().size()).isEqualTo(2);
      assertThat(memory.rows(REPORT)).hasSize(100);
      assertThat(memory.partitions()).isOne();
      assertThat(spool).isEmptyDirectory();
    }
  }

  @Test
  void anInterruptWhileTheBodyStreamsStopsNamesTheReportAndLeavesNoThreadNorFile()
      throws Exception {
    String head = rows(0, 18_000, row -> row + ",yes,0");
    String tail = rows(18_000, ROWS, row -> row + ",yes,0");
    CountDownLatch rest = new CountDownLatch(1);
    Thread exporting = Thread.currentThread();
    ExportHooks interruptWhenWriting =
        new ExportHooks() {
          @Override
          public void written(long rows) {
            if (rows > 0) {
              exporting.interrupt();
              releaseWhenInterrupted("crewexport-download-", rest);
            }
          }
        };
    try (ScriptedServer server =
        new ScriptedServer(List.of(ScriptedServer.Body.held(header() + head, tail, rest)))) {
      Throwable thrown =
          org.assertj.core.api.Assertions.catchThrowable(
              () ->
                  exporter(server)
                      .export(
                          request(),
                          List.of(new LoadingSink(body -> OptionalLong.of(ROWS))),
                          target(),
                          interruptWhenWriting));
      boolean interrupted = Thread.interrupted();

      assertThat(((io.crewexport.CrewexportException) thrown).code())
          .isEqualTo(io.crewexport.ErrorCode.INTERRUPTED);
      assertThat(interrupted).isTrue();
      assertThat(spool).isEmptyDirectory();
      assertThat(Thread.getAllStackTraces().keySet())
          .noneMatch(t -> t.getName().startsWith("crewexport-"));
      assertThat(thrown).hasMessageContaining(REPORT).hasMessageContaining("2024-01-01");
    }
  }

  /**
   * The first body is cut after 18,000 of 20,000 rows; the retry brings a whole body. The retry's
   * wait lasts, as a real one does, until the export has reacted to the cut (its load threads are
   * gone), unless the download is interrupted first.
   */
  private ExportResult exportCutThenRetried(boolean withLoader) throws Exception {
    String head = rows(0, 18_000, row -> row + ",yes,0");
    String tail = rows(18_000, ROWS, row -> row + ",yes,0");
    List<io.crewexport.spi.ReportSink> sinks =
        withLoader
            ? List.of(new LoadingSink(body -> OptionalLong.of(ROWS)), new InMemorySink())
            : List.of(new InMemorySink());
    // The cut comes once the sinks are open and writing (a second batch was written).
    CountDownLatch writing = new CountDownLatch(1);
    ExportHooks cutWhenWriting = openWhenWriting(writing);
    try (ScriptedServer server =
        new ScriptedServer(
            List.of(
                ScriptedServer.Body.cutAfter(header() + head, tail, writing),
                ScriptedServer.Body.whole(header() + head + tail)))) {
      ExportResult result =
          exporter(server, lastingSleeper()).export(request(), sinks, target(), cutWhenWriting);
      assertThat(server.requests()).isEqualTo(2);
      return result;
    }
  }

  /**
   * Sleeps until no load thread of the export runs any more; throws if interrupted, as a real one.
   */
  private io.crewexport.client.Sleeper lastingSleeper() {
    return duration -> {
      clock.advance(duration);
      while (Thread.getAllStackTraces().keySet().stream()
          .anyMatch(t -> t.getName().startsWith("crewexport-load-"))) {
        // A short real wait between looks: listing every thread is too costly to spin on.
        Thread.sleep(1);
      }
      if (Thread.interrupted()) {
        throw new InterruptedException("sleep interrupted");
      }
    };
  }

  /**
   * Opens {@code gate} once the thread named {@code prefix}... is interrupted, or ends: the server
   * then sends the rest, which the download would have read had nobody stopped it.
   */
  private static void releaseWhenInterrupted(String prefix, CountDownLatch gate) {
    Thread watcher =
        new Thread(
            () -> {
              Thread watched =
                  Thread.getAllStackTraces().keySet().stream()
                      .filter(t -> t.getName().startsWith(prefix))
                      .findFirst()
                      .orElse(null);
              try {
                while (watched != null && watched.isAlive() && !watched.isInterrupted()) {
                  Thread.sleep(1);
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              gate.countDown();
            },
            "test-watcher");
    watcher.setDaemon(true);
    watcher.start();
  }

  /** Hooks that open {@code gate} once the sinks are open and a first batch was written. */
  private static ExportHooks openWhenWriting(CountDownLatch gate) {
    return new ExportHooks() {
      @Override
      public void written(long rows) {
        if (rows > 0) {
          gate.countDown();
        }
      }
    };
  }

  private static String header() {
    return "Number,Active,Since\n";
  }

  private static String rows(int from, int to, IntFunction<String> row) {
    StringBuilder body = new StringBuilder();
    for (int i = from; i < to; i++) {
      body.append(row.apply(i)).append('\n');
    }
    return body.toString();
  }

  private ReportExporter exporter(ScriptedServer server) {
    return exporter(server, clock.sleeper());
  }

  private ReportExporter exporter(ScriptedServer server, io.crewexport.client.Sleeper sleeper) {
    ClientSettings settings = ClientSettings.of(server.baseUrl());
    CrewmojoClient client =
        new CrewmojoClient(
            settings, new StaticTokenProvider(Secret.of("static-token")), clock, sleeper);
    return new ReportExporter(client, spool, clock, SAMPLE_CELLS);
  }

  private ReportRequest request() {
    return new ReportRequest(REPORT, year, ContentType.CSV);
  }

  private ExportTarget target() {
    return new ExportTarget(REPORT, year, "run1", clock.instant(), "/unused", Map.of());
  }
}
