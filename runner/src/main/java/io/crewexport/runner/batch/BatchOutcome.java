package io.crewexport.runner.batch;

import io.crewexport.CrewexportException;
import io.crewexport.ReportRequest;
import io.crewexport.export.ExportResult;
import io.crewexport.runner.cli.ExitCode;
import java.util.List;
import java.util.Map;

/**
 * What a batch did: the exports that committed and those that failed.
 *
 * @param results committed exports, in order
 * @param failures failed exports and why, in order
 */
public record BatchOutcome(
    List<ExportResult> results, Map<ReportRequest, CrewexportException> failures) {
  public BatchOutcome {
    results = List.copyOf(results);
    failures = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(failures));
  }

  /** The process exit code: 0, or the code of the worst failure. */
  public int exitCode() {
    return failures.values().stream()
        .mapToInt(e -> ExitCode.of(e.code()))
        .filter(code -> code != ExitCode.SOME_FAILED)
        .findFirst()
        .orElse(failures.isEmpty() ? ExitCode.OK : ExitCode.SOME_FAILED);
  }
}
