package io.crewexport.export;

import static java.util.Objects.requireNonNull;

import io.crewexport.ReportRequest;
import io.crewexport.schema.ReportSchema;
import io.crewexport.schema.SchemaDrift;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What one export of one report did.
 *
 * @param request the report and period
 * @param schema the columns as the sinks got them, after column transforms
 * @param sourceSchema the columns as read and typed, before transforms: what the run state keeps
 * @param drift how the schema moved from the report's earlier exports
 * @param rowsRead rows read from the body
 * @param paddedRows rows that had fewer cells than headings and were padded with nulls
 * @param bytes the body's size
 * @param attempts how many times the report was requested
 * @param polls how many times a job was polled
 * @param jobIds the vendor's job ids
 * @param sinks each sink's outcome, by sink name, in the order given
 * @param download how long the download took, polling included
 * @param duration how long the whole export took
 */
public record ExportResult(
    ReportRequest request,
    ReportSchema schema,
    ReportSchema sourceSchema,
    SchemaDrift drift,
    long rowsRead,
    long paddedRows,
    long bytes,
    int attempts,
    int polls,
    List<String> jobIds,
    Map<String, SinkOutcome> sinks,
    Duration download,
    Duration duration) {
  public ExportResult {
    requireNonNull(request, "request");
    requireNonNull(schema, "schema");
    requireNonNull(sourceSchema, "sourceSchema");
    requireNonNull(drift, "drift");
    jobIds = List.copyOf(jobIds);
    sinks = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(sinks));
    requireNonNull(download, "download");
    requireNonNull(duration, "duration");
  }
}
