package io.crewexport.sink.csv;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crewexport.Period;
import io.crewexport.Version;
import io.crewexport.schema.Column;
import io.crewexport.schema.ColumnType;
import io.crewexport.schema.ReportSchema;
import io.crewexport.spi.ExportTarget;
import io.crewexport.spi.files.StoredFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The lineage file published beside each CSV file, {@code part-<run>.csv.meta.json}: report id,
 * period (or snapshot date), extraction time, tool version, schema fingerprint, and per column its
 * safe name, vendor heading and type. A CSV header alone gives no types; this is how a later export
 * knows which files to rewrite when a type widens. A glob such as {@code **}{@code /*.csv} does not
 * match it.
 */
final class CsvSidecar {
  static final String SUFFIX = ".meta.json";

  private static final ObjectMapper JSON = new ObjectMapper();

  private CsvSidecar() {}

  /** The sidecar of a file of {@code schema} written for {@code target}, as UTF-8 JSON. */
  static byte[] of(ReportSchema schema, ExportTarget target) {
    ObjectNode root = JSON.createObjectNode();
    root.put("report_id", target.reportId());
    Optional<Period> period = target.optionalPeriod();
    if (period.isPresent()) {
      root.put("period_start", period.get().start().toString());
      root.put("period_end", period.get().end().toString());
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
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    } catch (IOException e) {
      throw new IllegalStateException("a tree of strings is always valid JSON", e);
    }
  }

  /**
   * What the sidecar {@code file} says of its CSV file; empty if there is none (a file written
   * before sidecars existed) or it lacks what a rewrite needs.
   */
  static Optional<StoredFile> read(Path file) throws IOException {
    JsonNode root;
    try {
      root = JSON.readTree(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    JsonNode extractedAt = root.path("extracted_at");
    JsonNode columns = root.path("columns");
    if (!extractedAt.isTextual() || !columns.isArray()) {
      return Optional.empty();
    }
    List<Column> parsed = new ArrayList<>();
    for (JsonNode column : columns) {
      parsed.add(
          new Column(
              column.path("heading").asText(),
              column.path("name").asText(),
              ColumnType.valueOf(column.path("type").asText())));
    }
    return Optional.of(
        new StoredFile(new ReportSchema(parsed), Instant.parse(extractedAt.asText())));
  }
}
