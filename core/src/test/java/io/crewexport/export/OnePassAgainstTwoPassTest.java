package io.crewexport.export;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.crewexport.ContentType;
import io.crewexport.Period;
import io.crewexport.ReportRequest;
import io.crewexport.read.ReportReader;
import io.crewexport.read.ReportReaders;
import io.crewexport.schema.EvolvedSchema;
import io.crewexport.schema.ReportSchema;
import io.crewexport.schema.SchemaEvolution;
import io.crewexport.schema.SchemaPolicy;
import io.crewexport.schema.TypeInference;
import io.crewexport.spi.ExportTarget;
import io.crewexport.spi.Row;
import io.crewexport.testing.InMemorySink;
import io.crewexport.testing.ManualClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one-pass export against an oracle that reads the body twice, as the classic export did: the
 * same schema, the same rows, the same padded count, for bodies whose types move after the sample.
 */
final class OnePassAgainstTwoPassTest {
  private static final String REPORT = "people.report";
  private static final int SAMPLE_CELLS = 3_000;

  @TempDir Path spool;
  @TempDir Path scratch;
  private final ManualClock clock = new ManualClock();
  private final Period year = Period.parse("2024-01-01", "2024-12-31");

  @Test
  void aSparseColumnWhoseFirstValueComesLate() throws Exception {
    same("A,B,C\n", 20_000, row -> row + "," + (row < 15_000 ? "" : row) + ",x");
  }

  @Test
  void aColumnFirstBigintThenDoubleThenText() throws Exception {
    same(
        "A,B\n", 20_000, row -> (row < 8_000 ? row : row < 16_000 ? row + ".5" : "t" + row) + ",y");
  }

  @Test
  void shortRowsPastTheSample() throws Exception {
    same("A,B,C\n", 20_000, row -> row % 5_000 == 4_999 ? Integer.toString(row) : row + ",yes,1");
  }

  @Test
  void aHeadingOnlyBody() throws Exception {
    same("A,B,C\n", 0, row -> "");
  }

  @Test
  void exactlyTheSampleSize() throws Exception {
    int sampleRows = Math.max(BodyBatches.BATCH_CELLS / 3, SAMPLE_CELLS / 3);
    same("A,B,C\n", sampleRows, row -> row + ",yes,20240131");
    same("A,B,C\n", 2 * sampleRows, row -> row + ",yes,20240131");
  }

  @Test
  void oneColumnWithALateChange() throws Exception {
    same("A\n", 40_000, row -> row == 39_000 ? "z" : Integer.toString(row));
  }

  @Test
  void booleansThenAWordLate() throws Exception {
    same(
        "A,B\n",
        20_000,
        row -> row + "," + (row == 19_999 ? "maybe" : row % 2 == 0 ? "yes" : "no"));
  }

  @Test
  void datesThenANumberLate() throws Exception {
    same("A,B\n", 20_000, row -> row + "," + (row == 19_000 ? "12" : "20240131"));
  }

  @Test
  void aBodyOfExactlyTheSampleIsCheckedBeforeAnySinkOpens() throws Exception {
    int sampleRows = Math.max(BodyBatches.BATCH_CELLS / 3, SAMPLE_CELLS / 3);
    StringBuilder body = new StringBuilder("A,B,C\n");
    for (int i = 0; i < sampleRows; i++) {
      body.append(i).append(",yes,1\n");
    }
    java.util.concurrent.atomic.AtomicInteger opens =
        new java.util.concurrent.atomic.AtomicInteger();
    InMemorySink memory = new InMemorySink();
    io.crewexport.spi.ReportSink counting =
        new io.crewexport.spi.ReportSink() {
          @Override
          public String name() {
            return memory.name();
          }

          @Override
          public io.crewexport.spi.SinkWriter open(ReportSchema schema, ExportTarget target) {
            opens.incrementAndGet();
            return memory.open(schema, target);
          }
        };
    ExportHooks refuse =
        new ExportHooks() {
          @Override
          public void check(ReportRequest request, ReportSchema schema, long count) {
            throw new io.crewexport.CrewexportException(
                io.crewexport.ErrorCode.SUSPICIOUS_REPORT, count + " rows refused");
          }
        };
    try (ScriptedServer server =
        new ScriptedServer(List.of(ScriptedServer.Body.whole(body.toString())))) {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> exporter(server).export(request(), List.of(counting), target(), refuse))
          .hasMessageContaining(sampleRows + " rows refused");
    }

    assertThat(opens.get()).isZero();
  }

  private void same(String header, int rows, IntFunction<String> row) throws Exception {
    StringBuilder text = new StringBuilder(header);
    for (int i = 0; i < rows; i++) {
      text.append(row.apply(i)).append('\n');
    }
    String body = text.toString();
    Path file = Files.writeString(scratch.resolve("body-" + rows + ".csv"), body);
    InMemorySink memory = new InMemorySink();
    AtomicLong checked = new AtomicLong(-1);
    ExportHooks counting =
        new ExportHooks() {
          @Override
          public void check(ReportRequest request, ReportSchema schema, long count) {
            checked.set(count);
          }
        };
    ExportResult result;
    try (ScriptedServer server = new ScriptedServer(List.of(ScriptedServer.Body.whole(body)))) {
      result = exporter(server).export(request(), List.of(memory), target(), counting);
    }
    Classic classic = classic(file);

    assertThat(result.schema()).isEqualTo(classic.schema());
    assertThat(result.rowsRead()).isEqualTo(rows);
    assertThat(checked.get()).isEqualTo(rows);
    assertThat(result.paddedRows()).isEqualTo(classic.padded());
    List<Row> written = rows == 0 ? List.of() : memory.rows(REPORT);
    assertThat(written).containsExactlyElementsOf(classic.rows());
  }

  private record Classic(ReportSchema schema, List<Row> rows, long padded) {}

  /** Reads the body twice, as the export before the one-pass did. */
  private Classic classic(Path file) {
    TypeInference inference;
    try (ReportReader reader = ReportReaders.open(file, UTF_8, false, "oracle")) {
      inference = new TypeInference(reader.headings(), SchemaPolicy.INFER);
      for (String[] cells; (cells = reader.next()) != null; ) {
        inference.accept(cells);
      }
    }
    EvolvedSchema evolved = SchemaEvolution.first(inference.result());
    List<Row> rows = new ArrayList<>();
    long padded;
    try (ReportReader reader = ReportReaders.open(file, UTF_8, false, "oracle")) {
      for (String[] cells; (cells = reader.next()) != null; ) {
        rows.add(Row.wrap(evolved.converter().convertInferred(cells)));
      }
      padded = reader.paddedRows();
    }
    return new Classic(evolved.schema(), rows, padded);
  }

  private ReportExporter exporter(ScriptedServer server) {
    return new ReportExporter(server.client(clock), spool, clock, SAMPLE_CELLS);
  }

  private ReportRequest request() {
    return new ReportRequest(REPORT, year, ContentType.CSV);
  }

  private ExportTarget target() {
    return new ExportTarget(REPORT, year, "run1", clock.instant(), "/unused", Map.of());
  }
}
