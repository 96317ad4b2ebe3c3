package io.crewexport.sink.csv;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crewexport.Version;
import io.crewexport.spi.ExportTarget;
import io.crewexport.spi.SinkResult;
import io.crewexport.spi.files.StoredFile;
import io.crewexport.testing.DuckDb;
import io.crewexport.testing.SampleReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
  void theSidecarGivesBackTheSchemaAndExtractionTime() throws IOException {
    ExportTarget target = SampleReport.target(root, "run-1");
    SinkResult result = SampleReport.export(new CsvSink(), target, SampleReport.ROWS);

    Optional<StoredFile> stored = CsvSidecar.read(Path.of(result.files().get(0) + ".meta.json"));

    assertThat(stored).contains(new StoredFile(SampleReport.SCHEMA, SampleReport.EXTRACTED_AT));
    assertThat(CsvSidecar.read(root.resolve("absent.meta.json"))).isEmpty();
  }
}
