package io.crewexport.sink.csv;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crewexport.Version;
import io.crewexport.schema.Column;
import io.crewexport.schema.ColumnType;
import io.crewexport.schema.ReportSchema;
import io.crewexport.spi.ExportTarget;
import io.crewexport.spi.SinkResult;
import io.crewexport.spi.files.StoredFile;
import io.crewexport.testing.DuckDb;
import io.crewexport.testing.SampleReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvSidecarTest {
  @TempDir Path root;

  @Test
  void eachFileHasItsLineageBesideItWhichTheCsvGlobDoesNotRead() throws IOException {
    ExportTarget target = SampleReport.target(root, "run-1");
    SinkResult result = SampleReport.export(new CsvSink(), target, SampleReport.ROWS);
    Path sidecar = Path.of(result.files().get(0) + ".meta.json");

    JsonNode lineage = new ObjectMapper().readTree(sidecar.toFile());

    assertThat(lineage.path("report_id").asText()).isEqualTo(SampleReport.REPORT_ID);
    assertThat(lineage.path("period_start").asText()).isEqualTo("2024-01-01");
    assertThat(lineage.path("period_end").asText()).isEqualTo("2024-12-31");
    assertThat(lineage.path("extracted_at").asText()).isEqualTo("2024-12-04T10:15:30Z");
    assertThat(lineage.path("tool_version").asText()).isEqualTo(Version.current());
    assertThat(lineage.path("schema_fingerprint").asText())
        .isEqualTo(SampleReport.SCHEMA.fingerprint());
    List<String> headings = new ArrayList<>();
    lineage.path("columns").forEach(column -> headings.add(column.path("heading").asText()));
    assertThat(headings).isEqualTo(SampleReport.SCHEMA.headings());
    assertThat(
            DuckDb.query(
                    "SELECT count(*) FROM read_csv("
                        + DuckDb.literal(root + "/csv/**/*.csv")
                        + ", header = true)")
                .rows())
        .containsExactly(List.of(4L));
  }

  @Test
  void writesTheBytesTheTreeWriterWrote() throws IOException {
    // The sidecar was an ObjectNode written with the default pretty printer; files already
    // published hold those bytes, and the new ones must read the same.
    ReportSchema hostile =
        new ReportSchema(
            List.of(
                new Column("Name \"quoted\"\\ ✓", "name_quoted", ColumnType.TEXT),
                new Column("Tab\there\nline \u0001 \uD83D\uDE00", "tab_here", ColumnType.DATE),
                new Column("Amount", "amount", ColumnType.DOUBLE)));
    ExportTarget period = SampleReport.target(root, "run-1");
    ExportTarget snapshot =
        new ExportTarget("people.list", null, "r1", SampleReport.EXTRACTED_AT, "/out", Map.of());

    for (ReportSchema schema : List.of(hostile, SampleReport.SCHEMA)) {
      for (ExportTarget target : List.of(period, snapshot)) {
        assertThat(new String(CsvSidecar.of(schema, target), UTF_8))
            .isEqualTo(new String(treeWritten(schema, target), UTF_8));
      }
    }
  }

  /** The sidecar as the sink wrote it through jackson-databind's tree. */
  private static byte[] treeWritten(ReportSchema schema, ExportTarget target) throws IOException {
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = json.createObjectNode();
    root.put("report_id", target.reportId());
    if (target.optionalPeriod().isPresent()) {
      root.put("period_start", target.optionalPeriod().get().start().toString());
      root.put("period_end", target.optionalPeriod().get().end().toString());
    } else {
      root.put("snapshot_date", target.snapshotDate().toString());
    }
    root.put("extracted_at", target.extractedAt().toString());
    root.put("tool_version", Version.current());
    root.put("schema_fingerprint", schema.fingerprint());
    ArrayNode columns = root.putArray("columns");
    for (Column column : schema.columns()) {
      columns
          .addObject()
          .put("name", column.name())
          .put("heading", column.heading())
          .put("type", column.type().name());
    }
    return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
  }

  @Test
  void theSidecarGivesBackTheSchemaAndExtractionTime() throws IOException {
    ExportTarget target = SampleReport.target(root, "run-1");
    SinkResult result = SampleReport.export(new CsvSink(), target, SampleReport.ROWS);

    Optional<StoredFile> stored = CsvSidecar.read(Path.of(result.files().get(0) + ".meta.json"));

    assertThat(stored).contains(new StoredFile(SampleReport.SCHEMA, SampleReport.EXTRACTED_AT));
    assertThat(CsvSidecar.read(root.resolve("absent.meta.json"))).isEmpty();
  }
}
