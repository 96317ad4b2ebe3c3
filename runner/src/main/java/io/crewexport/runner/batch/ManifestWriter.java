package io.crewexport.runner.batch;

import io.crewexport.client.Secret;
import io.crewexport.export.ExportResult;
import io.crewexport.export.SinkOutcome;
import io.crewexport.runner.state.JsonFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the run manifest: for each report, period and sink, what happened, with enough detail to
 * audit the run (rows read and written, bytes, file checksums, schema, attempts, job ids,
 * durations), and per account how many tokens were asked of Crewmojo (the shared provider's
 * refreshes are per account, not per export). Never holds a secret: nothing here comes from
 * credentials or headers.
 */
public final class ManifestWriter {

  private ManifestWriter() {}

  /** Writes the manifest of {@code outcome} to {@code folder}/runs/{@code runId}.json. */
  public static Path write(
      Path folder,
      BatchOutcome outcome,
      Instant startedAt,
      Instant endedAt,
      Map<String, Long> tokensRequested) {
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("run_id", outcome.runId());
    manifest.put("started_at", startedAt.toString());
    manifest.put("ended_at", endedAt.toString());
    manifest.put("status", outcome.failed().isEmpty() ? "succeeded" : "some_failed");
    manifest.put("exit_code", outcome.exitCode());
    manifest.put("token_requests", tokensRequested);
    List<Map<String, Object>> exports = new ArrayList<>();
    outcome.outcomes().forEach(unit -> exports.addAll(entries(unit)));
    manifest.put("exports", exports);
    Path file = folder.resolve("runs").resolve("run-" + outcome.runId() + ".json");
    try {
      JsonFiles.write(file, manifest);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the run manifest " + file, e);
    }
  }

  /**
   * One entry per sink: those in the result committed, and for a failed unit, every other sink
   * failed. A unit can be both: a sink that failed to commit leaves the commits before it standing.
   */
  private static List<Map<String, Object>> entries(UnitOutcome unit) {
    List<Map<String, Object>> entries = new ArrayList<>();
    ExportResult result = unit.result();
    if (result != null) {
      result
          .sinks()
          .forEach((sink, outcome) -> entries.add(committed(unit, sink, result, outcome)));
    }
    if (unit.ok()) {
      return entries;
    }
    for (String sink : unit.unit().sinks()) {
      if (result == null || !result.sinks().containsKey(sink)) {
        Map<String, Object> entry = base(unit, sink);
        entry.put("status", "failed");
        entry.put("error_code", unit.failure().code().name());
        entry.put("error", unit.failure().getMessage());
        entries.add(entry);
      }
    }
    return entries;
  }

  private static Map<String, Object> committed(
      UnitOutcome unit, String sink, ExportResult result, SinkOutcome outcome) {
    Map<String, Object> entry = base(unit, sink);
    entry.put("status", "committed");
    entry.put("rows_read", result.rowsRead());
    entry.put("rows_written", outcome.result().rows());
    entry.put("rows_reconcile", result.rowsRead() == outcome.result().rows());
    entry.put("padded_rows", result.paddedRows());
    entry.put("bytes", result.bytes());
    entry.put("columns", result.schema().size());
    entry.put("schema_fingerprint", result.schema().fingerprint());
    entry.put("schema_drift", result.drift().summary());
    entry.put("schema_notices", result.drift().notices());
    entry.put("location", outcome.result().location());
    entry.put("files", files(outcome.result().files()));
    entry.put("attempts", result.attempts());
    entry.put("polls", result.polls());
    // Vendor text like any other: a broken gateway could hand back a token as a job id.
    entry.put("job_ids", result.jobIds().stream().map(Secret::redact).toList());
    entry.put("download_seconds", result.download().toMillis() / 1000.0);
    entry.put("sink_seconds", outcome.duration().toMillis() / 1000.0);
    entry.put("export_seconds", result.duration().toMillis() / 1000.0);
    return entry;
  }

  private static Map<String, Object> base(UnitOutcome unit, String sink) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("account", unit.unit().account());
    entry.put("report_id", unit.unit().request().reportId());
    unit.unit()
        .request()
        .optionalPeriod()
        .ifPresentOrElse(
            period -> {
              entry.put("period_start", period.start().toString());
              entry.put("period_end", period.end().toString());
            },
            () -> entry.put("snapshot", true));
    entry.put("sink", sink);
    return entry;
  }

  private static List<Map<String, Object>> files(List<String> paths) {
    List<Map<String, Object>> files = new ArrayList<>();
    for (String path : paths) {
      Map<String, Object> file = new LinkedHashMap<>();
      file.put("path", path);
      Path local = localPath(path);
      if (local != null && Files.isRegularFile(local)) {
        file.put("bytes", size(local));
        file.put("sha256", sha256(local));
      }
      files.add(file);
    }
    return files;
  }

  private static Path localPath(String path) {
    if (path.startsWith("file:")) {
      return Path.of(java.net.URI.create(path));
    }
    return path.matches("[A-Za-z][A-Za-z0-9+.-]+://.*") ? null : Path.of(path);
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return -1;
    }
  }

  private static String sha256(Path file) {
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest())) {
      MessageDigest digest = ((DigestInputStream) in).getMessageDigest();
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      return "unreadable: " + e.getMessage();
    }
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
