package io.crewexport.runner.batch;

import static java.util.Objects.requireNonNull;

import io.crewexport.ReportRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What one batch exports and where.
 *
 * @param requests the reports and periods, in order
 * @param sinks the sink names, in order
 * @param outputRoot the output root shared by every sink
 * @param options sink options, such as {@code duckdb.file}
 * @param spoolFolder where bodies are spooled while they are read
 */
public record ExportPlan(
    List<ReportRequest> requests,
    List<String> sinks,
    String outputRoot,
    Map<String, String> options,
    Path spoolFolder) {
  public ExportPlan {
    requests = List.copyOf(requireNonNull(requests, "requests"));
    sinks = List.copyOf(requireNonNull(sinks, "sinks"));
    requireNonNull(outputRoot, "outputRoot");
    options = Map.copyOf(requireNonNull(options, "options"));
    requireNonNull(spoolFolder, "spoolFolder");
  }
}
