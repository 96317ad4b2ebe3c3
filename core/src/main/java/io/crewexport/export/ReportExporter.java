package io.crewexport.export;

import static java.util.Objects.requireNonNull;

import io.crewexport.CrewexportException;
import io.crewexport.ErrorCode;
import io.crewexport.ReportRequest;
import io.crewexport.client.CrewmojoClient;
import io.crewexport.client.DownloadedReport;
import io.crewexport.spi.ExportTarget;
import io.crewexport.spi.ReportSink;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exports one report into one or more sinks: prepare the sinks while the report downloads to a
 * spool file, type its columns and write every row to every sink (in one pass over the file where
 * the types guessed from its first rows hold, else in two), then commit each sink. Any failure
 * before the commits aborts every sink, so nothing of a failed export becomes visible.
 *
 * <pre>{@code
 * ReportExporter exporter = new ReportExporter(client, spoolFolder, Clock.systemUTC());
 * ExportResult result = exporter.export(request, List.of(parquet, duckdb), target);
 * }</pre>
 */
public final class ReportExporter {
  private static final Logger log = LoggerFactory.getLogger(ReportExporter.class);

  private final CrewmojoClient client;
  private final Path spoolFolder;
  private final Clock clock;
  private final int sampleCells;

  public ReportExporter(CrewmojoClient client, Path spoolFolder, Clock clock) {
    this(client, spoolFolder, clock, BodyExport.SAMPLE_CELLS);
  }

  /** An exporter that guesses the types from about {@code sampleCells} cells, for tests. */
  ReportExporter(CrewmojoClient client, Path spoolFolder, Clock clock, int sampleCells) {
    this.client = requireNonNull(client, "client");
    this.spoolFolder = requireNonNull(spoolFolder, "spoolFolder");
    this.clock = requireNonNull(clock, "clock");
    this.sampleCells = sampleCells;
  }

  /**
   * Downloads {@code request} and writes it to {@code sinks}.
   *
   * @param target where to write: the run id and output root; its report and period must match the
   *     request
   */
  public ExportResult export(ReportRequest request, List<ReportSink> sinks, ExportTarget target) {
    return export(request, sinks, target, ExportHooks.NONE);
  }

  /**
   * Downloads {@code request} and writes it to {@code sinks}, steered by {@code hooks}.
   *
   * @param target where to write: the run id and output root; its report and period must match the
   *     request
   */
  public ExportResult export(
      ReportRequest request, List<ReportSink> sinks, ExportTarget target, ExportHooks hooks) {
    Instant start = clock.instant();
    try (SinkPreparation preparation =
            SinkPreparation.start(sinks, target, "crewexport-prepare-" + target.tableName());
        BackgroundDownload download =
            BackgroundDownload.start(
                client,
                request,
                spoolFolder,
                hooks::downloaded,
                clock,
                "crewexport-download-" + target.tableName())) {
      // A sink that cannot work fails the export while the vendor still makes the report. Once the
      // body streams, it is read while the sinks finish preparing: they are awaited before they
      // open, after the first rows (see BodyExport).
      download.awaitBodyOr(preparation.ended());
      if (preparation.ended().isDone()) {
        preparation.await();
      }
      BodyExport.Written written;
      try {
        written = writeBody(download, request, sinks, target, hooks, preparation);
      } catch (RuntimeException | Error e) {
        preparation.throwOwnFailureOver(e);
        throw e;
      }
      DownloadedReport report = download.await();
      ExportResult result =
          new ExportResult(
              request,
              written.transform().schema(),
              written.evolved().schema(),
              written.evolved().drift(),
              written.rows(),
              written.padded(),
              report.bytes(),
              report.attempts(),
              report.polls(),
              report.jobIds(),
              written.results(),
              Duration.between(start, download.ended()),
              Duration.between(start, clock.instant()));
      if (written.padded() > 0) {
        log.warn(
            "{}: {} row(s) had fewer cells than the headings and were padded with nulls. A body cut"
                + " short without a length to tell (no Content-Length, not chunked) looks like"
                + " this: check the report's last rows.",
            request.describe(),
            written.padded());
      }
      if (written.failure() != null) {
        throw written.results().isEmpty()
            ? written.failure()
            : new PartialCommitException(written.failure(), result);
      }
      return result;
    }
  }

  /** Writes the download's first CSV body while it streams in, else its whole body once in. */
  private BodyExport.Written writeBody(
      BackgroundDownload download,
      ReportRequest request,
      List<ReportSink> sinks,
      ExportTarget target,
      ExportHooks hooks,
      SinkPreparation preparation) {
    Optional<Path> streaming = download.awaitCsvBody();
    if (streaming.isEmpty()) {
      return write(SpooledBody.of(download.await()), sinks, target, hooks, preparation);
    }
    return writeWhileDownloading(
        download, request, streaming.get(), sinks, target, hooks, preparation);
  }

  /**
   * Reads the CSV body in {@code file} while it downloads. If that fails because of the body, the
   * download decides: its own failure wins; a retry that brought another body is read afresh; else
   * the body itself is at fault.
   */
  private BodyExport.Written writeWhileDownloading(
      BackgroundDownload download,
      ReportRequest request,
      Path file,
      List<ReportSink> sinks,
      ExportTarget target,
      ExportHooks hooks,
      SinkPreparation preparation) {
    SpooledBody growing =
        new SpooledBody(request, file, download.body().charset(), false, download);
    try {
      return write(growing, sinks, target, hooks, preparation);
    } catch (RuntimeException | Error e) {
      if (!aboutTheBody(e)) {
        throw e;
      }
      DownloadedReport report = download.await();
      if (report.file().equals(file)) {
        throw e;
      }
      return write(SpooledBody.of(report), sinks, target, hooks, preparation);
    }
  }

  private BodyExport.Written write(
      SpooledBody body,
      List<ReportSink> sinks,
      ExportTarget target,
      ExportHooks hooks,
      SinkPreparation preparation) {
    return new BodyExport(body, sinks, target, hooks, sampleCells, preparation::await).run();
  }

  /**
   * Whether {@code failure} came from reading the body, which a download still going may explain.
   */
  private static boolean aboutTheBody(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof GrowingBody.BodyGoneException
          || cause instanceof CrewexportException e && e.code() == ErrorCode.MALFORMED_REPORT) {
        return true;
      }
    }
    return false;
  }
}
