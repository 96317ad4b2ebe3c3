package io.crewexport.sink.csv;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crewexport.Period;
import io.crewexport.Version;
import io.crewexport.schema.Column;
import io.crewexport.schema.ColumnType;
import io.crewexport.schema.ReportSchema;
import io.crewexport.spi.ExportTarget;
import io.crewexport.spi.files.StoredFile;
import java.io.ByteArrayOutputStream;
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

  // Written with the streaming generator: the commit of every export writes a sidecar, and an
  // ObjectMapper built for it cost the end of a fresh JVM's export a tenth of a second. Only a
  // later export that rewrites files reads sidecars back, through the mapper in Trees.
  private static final JsonFactory FACTORY = new JsonFactory();

  private CsvSidecar() {}

  /** The sidecar of a file of {@code schema} written for {@code target}, as UTF-8 JSON. */
  static byte[] of(ReportSchema schema, ExportTarget target) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonGenerator json = FACTORY.createGenerator(bytes)) {
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      json.writeStringField("report_id", target.reportId());
      Optional<Period> period = target.optionalPeriod();
      if (period.isPresent()) {
        json.writeStringField("period_start", period.get().start().toString());
        json.writeStringField("period_end", period.get().end().toString());
      } else {
        json.writeStringField("snapshot_date", target.snapshotDate().toString());
      }
      json.writeStringField("extracted_at", target.extractedAt().toString());
      json.writeStringField("tool_version", Version.current());
      json.writeStringField("schema_fingerprint", schema.fingerprint());
      json.writeArrayFieldStart("columns");
      for (Column column : schema.columns()) {
        json.writeStartObject();
        json.writeStringField("name", column.name());
        json.writeStringField("heading", column.heading());
        json.writeStringField("type", column.type().name());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    } catch (IOException e) {
      throw new IllegalStateException("writing strings to memory cannot fail", e);
    }
    return bytes.toByteArray();
  }

  /**
   * What the sidecar {@code file} says of its CSV file; empty if there is none (a file written
   * before sidecars existed) or it lacks what a rewrite needs.
   */
  static Optional<StoredFile> read(Path file) throws IOException {
    JsonNode root;
    try {
      root = Trees.MAPPER.readTree(Files.readAllBytes(file));
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

  /** The mapper that reads sidecars back, made the first time one is read. */
  private static final class Trees {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }
}
