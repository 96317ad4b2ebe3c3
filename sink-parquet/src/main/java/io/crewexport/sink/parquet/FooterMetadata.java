package io.crewexport.sink.parquet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crewexport.Period;
import io.crewexport.schema.ReportSchema;
import io.crewexport.spi.ExportTarget;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The key-value metadata written into each file's footer, so a file alone tells where it came from
 * and how to label its columns.
 */
final class FooterMetadata {
  static final String REPORT_ID = "crewexport.report_id";
  static final String PERIOD_START = "crewexport.period_start";
  static final String PERIOD_END = "crewexport.period_end";
  static final String SNAPSHOT_DATE = "crewexport.snapshot_date";
  static final String EXTRACTED_AT = "crewexport.extracted_at";
  static final String SCHEMA_FINGERPRINT = "crewexport.schema_fingerprint";
  static final String HEADINGS = "crewexport.headings";
  static final String TOOL_VERSION = "crewexport.tool_version";

  private static final ObjectMapper JSON = new ObjectMapper();

  private FooterMetadata() {}

  /**
   * The metadata of one export: report id; period start and end, or the snapshot date when no
   * period was asked; extraction time as an ISO instant in UTC; schema fingerprint; the vendor
   * headings as a JSON array in column order; and the tool version ({@code dev} outside a jar).
   */
  static Map<String, String> of(ReportSchema schema, ExportTarget target) {
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put(REPORT_ID, target.reportId());
    Optional<Period> period = target.optionalPeriod();
    if (period.isPresent()) {
      metadata.put(PERIOD_START, period.get().start().toString());
      metadata.put(PERIOD_END, period.get().end().toString());
    } else {
      metadata.put(SNAPSHOT_DATE, target.snapshotDate().toString());
    }
    metadata.put(EXTRACTED_AT, target.extractedAt().toString());
    metadata.put(SCHEMA_FINGERPRINT, schema.fingerprint());
    metadata.put(HEADINGS, json(schema));
    metadata.put(TOOL_VERSION, toolVersion());
    return Collections.unmodifiableMap(metadata);
  }

  /** The version in this jar's manifest, or {@code dev} when run from classes. */
  static String toolVersion() {
    String version = FooterMetadata.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }

  private static String json(ReportSchema schema) {
    try {
      return JSON.writeValueAsString(schema.headings());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a list of strings is always valid JSON", e);
    }
  }
}
