package io.crewexport.export;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.crewexport.ContentType;
import io.crewexport.Period;
import io.crewexport.ReportRequest;
import io.crewexport.read.ReportReader;
import io.crewexport.read.ReportReaders;
import io.crewexport.schema.ReportSchema;
import io.crewexport.schema.SchemaEvolution;
import io.crewexport.schema.SchemaPolicy;
import io.crewexport.schema.TypeInference;
import io.crewexport.spi.ExportTarget;
import io.crewexport.spi.ReportSink;
import io.crewexport.testing.InMemorySink;
import io.crewexport.testing.ManualClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A body exported only by a bulk-loading sink (inference looks at cells in place) gets the schema
 * and counts an export to a row sink gets (inference reads Strings), and the schema an oracle that
 * reads every row's Strings infers: bodies mixing ASCII, non-ASCII, quoted and escaped cells in a
 * column, CRLF, short rows, and types that move after the sample.
 */
final class InPlaceInferenceAgainstStringsTest {
  private static final String REPORT = "people.report";
  private static final int SAMPLE_CELLS = 3_000;

  /** Cells that look like, or almost like, values of each type, as they appear in the body. */
  private static final List<List<String>> POOLS =
      List.of(
          List.of("1", "-7", "\"42\"", "0", "9223372036854775807", "-9223372036854775808"),
          List.of("1.5", "\"-0.0\"", "0.25", "12345678901234.5", "3"),
          List.of("yes", "NO", "\"True\"", "fAlSe", "\"yes\""),
          List.of("20240131", "0", "\"10000101\"", "99991231"),
          List.of("plain", "\"a,b\"", "x"));

  /** Cells that a late row brings into a column: each narrows or widens its type, or not. */
  private static final List<String> LATE =
      List.of(
          "00",
          "+1",
          "1e5",
          " 1",
          "yeſ",
          "\"yeſ\"",
          "\"1\"\"2\"",
          "１２",
          "-0",
          "00.5",
          "1.",
          ".5",
          "\"\"",
          "\"line\r\nbreak\"",
          "é",
          "9223372036854775808",
          "1234567890123456",
          "20240230",
          "NaN");

  @TempDir Path spool;
  @TempDir Path scratch;
  private final ManualClock clock = new ManualClock();

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
  void sameSchemaAndCountsEitherWay(long seed) throws Exception {
    Random random = new Random(seed);
    int columns = 2 + random.nextInt(5);
    String lineEnd = random.nextBoolean() ? "\r\n" : "\n";
    int rows = 1 + random.nextInt(random.nextBoolean() ? 500 : 8_000);
    int[] pools = new int[columns];
    StringBuilder body = new StringBuilder();
    for (int c = 0; c < columns; c++) {
      pools[c] = random.nextInt(POOLS.size());
      body.append(c == 0 ? "" : ",").append("H").append(c);
    }
    body.append(lineEnd);
    for (int r = 0; r < rows; r++) {
      int cells = random.nextInt(50) == 0 ? 1 + random.nextInt(columns) : columns;
      for (int c = 0; c < cells; c++) {
        String cell;
        int pick = random.nextInt(400);
        if (pick == 0) {
          cell = LATE.get(random.nextInt(LATE.size()));
        } else if (pick < 20) {
          cell = "";
        } else {
          List<String> pool = POOLS.get(pools[c]);
          cell = pool.get(random.nextInt(pool.size()));
        }
        body.append(c == 0 ? "" : ",").append(cell);
      }
      body.append(lineEnd);
    }
    String text = body.toString();
    Path file = Files.writeString(scratch.resolve("body-" + seed + ".csv"), text);
    Oracle oracle = oracle(file);

    LoadingSink loading = new LoadingSink(spooled -> OptionalLong.of(oracle.rows()));
    ExportResult bulk = export(text, loading);
    InMemorySink memory = new InMemorySink();
    ExportResult strings = export(text, memory);

    assertThat(strings.schema()).isEqualTo(oracle.schema());
    assertThat(bulk.schema()).isEqualTo(oracle.schema());
    assertThat(bulk.rowsRead()).isEqualTo(strings.rowsRead()).isEqualTo(oracle.rows());
    assertThat(bulk.paddedRows()).isEqualTo(strings.paddedRows());
    assertThat(loading.loads.get()).isPositive();
    assertThat(loading.rowsWritten.get()).isZero();
  }

  private ExportResult export(String body, ReportSink sink) throws Exception {
    try (ScriptedServer server = new ScriptedServer(List.of(ScriptedServer.Body.whole(body)))) {
      return new ReportExporter(server.client(clock), spool, clock, SAMPLE_CELLS)
          .export(
              new ReportRequest(REPORT, Period.parse("2024-01-01", "2024-12-31"), ContentType.CSV),
              List.of(sink),
              new ExportTarget(
                  REPORT,
                  Period.parse("2024-01-01", "2024-12-31"),
                  "run1",
                  clock.instant(),
                  "/unused",
                  Map.of()),
              new ExportHooks() {});
    }
  }

  /** The schema and row count of reading every row of {@code file} as Strings. */
  private static Oracle oracle(Path file) {
    try (ReportReader reader = ReportReaders.open(file, UTF_8, false, "oracle")) {
      TypeInference inference = new TypeInference(reader.headings(), SchemaPolicy.INFER);
      long rows = 0;
      for (String[] cells; (cells = reader.next()) != null; rows++) {
        inference.accept(cells);
      }
      return new Oracle(SchemaEvolution.first(inference.result()).schema(), rows);
    }
  }

  private record Oracle(ReportSchema schema, long rows) {}
}
