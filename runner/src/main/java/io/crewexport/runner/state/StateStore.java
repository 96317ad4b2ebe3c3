package io.crewexport.runner.state;

import io.crewexport.CrewexportException;
import io.crewexport.ErrorCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The run state: per report, its schema and what each sink committed; and the last run's plan for
 * {@code --resume}. Kept as one small JSON file, rewritten atomically after every commit, so a
 * crash loses nothing that committed. Thread safe.
 */
public final class StateStore {

  /** The file's content. */
  record Content(int version, Map<String, ReportState> reports, RunRecord lastRun) {
    Content {
      reports = reports == null ? Map.of() : Map.copyOf(reports);
    }
  }

  private final Path file;
  private Content content;

  private StateStore(Path file, Content content) {
    this.file = file;
    this.content = content;
  }

  /** Opens the state in {@code folder}, empty if there is none yet. */
  public static StateStore open(Path folder) {
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new CrewexportException(
          ErrorCode.CONFIGURATION, "Cannot create the state folder " + folder + ": " + e, e);
    }
    return read(folder);
  }

  /** Reads the state in {@code folder} without creating anything, for a dry run. */
  public static StateStore read(Path folder) {
    Path file = folder.resolve("state.json");
    try {
      if (!Files.exists(file)) {
        return new StateStore(file, new Content(1, Map.of(), null));
      }
      return new StateStore(file, JsonFiles.MAPPER.readValue(file.toFile(), Content.class));
    } catch (IOException e) {
      throw new CrewexportException(
          ErrorCode.CONFIGURATION,
          "Cannot read the run state "
              + file
              + ": "
              + e.getMessage()
              + ". Fix or move the file (a new one starts empty: since-last-run then starts over).",
          e);
    }
  }

  /** The state of report {@code key} ({@code account/reportId}). */
  public synchronized ReportState report(String key) {
    return content.reports.getOrDefault(key, ReportState.empty());
  }

  /** The last run, if any. */
  public synchronized Optional<RunRecord> lastRun() {
    return Optional.ofNullable(content.lastRun);
  }

  /** Records that {@code sink} committed {@code export} of report {@code key}. */
  public synchronized void commit(
      String key, String sink, Committed export, java.util.List<StoredColumn> schema) {
    Map<String, ReportState> reports = new LinkedHashMap<>(content.reports);
    reports.put(key, report(key).withCommit(sink, export, schema));
    save(new Content(content.version, reports, content.lastRun));
  }

  /** Records the start of a run and its plan. */
  public synchronized void startRun(RunRecord run) {
    save(new Content(content.version, content.reports, run));
  }

  /** Records that the current run finished. */
  public synchronized void finishRun() {
    if (content.lastRun != null) {
      save(new Content(content.version, content.reports, content.lastRun.completed()));
    }
  }

  private void save(Content next) {
    try {
      JsonFiles.write(file, next);
      content = next;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the run state " + file, e);
    }
  }
}
