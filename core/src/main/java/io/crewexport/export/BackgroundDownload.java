package io.crewexport.export;

import io.crewexport.CrewexportException;
import io.crewexport.ErrorCode;
import io.crewexport.ReportRequest;
import io.crewexport.client.CrewmojoClient;
import io.crewexport.client.DownloadListener;
import io.crewexport.client.DownloadedReport;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A download running on a thread of its own, so that the export can read a CSV body while it still
 * streams in (see {@link GrowingBody}). Closing it stops the download if it still runs and deletes
 * the spool file, on every path.
 */
final class BackgroundDownload implements AutoCloseable {
  private final GrowingBody body;
  private final Thread thread;
  private final Clock clock;
  private final ReportRequest request;
  private volatile DownloadedReport report;
  private volatile Throwable failure;
  private volatile Instant ended;

  private BackgroundDownload(
      CrewmojoClient client,
      ReportRequest request,
      Path spoolFolder,
      DownloadListener progress,
      Clock clock,
      String threadName) {
    this.body = new GrowingBody(progress);
    this.clock = clock;
    this.request = request;
    this.thread = new Thread(() -> run(client, request, spoolFolder), threadName);
    thread.setDaemon(true);
  }

  /** Starts downloading {@code request} into {@code spoolFolder}. */
  static BackgroundDownload start(
      CrewmojoClient client,
      ReportRequest request,
      Path spoolFolder,
      DownloadListener progress,
      Clock clock,
      String threadName) {
    BackgroundDownload download =
        new BackgroundDownload(client, request, spoolFolder, progress, clock, threadName);
    download.thread.start();
    return download;
  }

  private void run(CrewmojoClient client, ReportRequest request, Path spoolFolder) {
    try {
      report = client.download(request, spoolFolder, body);
    } catch (RuntimeException | Error e) {
      failure = e;
    } finally {
      ended = clock.instant();
      body.downloadEnded();
    }
  }

  /** The first CSV body, readable as it streams in. */
  GrowingBody body() {
    return body;
  }

  /**
   * Waits until a CSV body starts streaming, the download ends, or {@code other} completes,
   * whichever comes first.
   */
  void awaitBodyOr(CompletableFuture<?> other) {
    try {
      CompletableFuture.anyOf(body.started(), other).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw interrupted(e);
    } catch (ExecutionException e) {
      // Neither completes exceptionally here; were other to, its owner reports how.
    }
  }

  /** Waits for a CSV body to start streaming; empty if the download ended without one. */
  Optional<Path> awaitCsvBody() {
    try {
      return body.awaitFile();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw interrupted(e);
    }
  }

  /**
   * Waits for the download to end and returns its report.
   *
   * @throws RuntimeException the download's own failure
   */
  DownloadedReport await() {
    try {
      thread.join();
    } catch (InterruptedException e) {
      // Only the waiter gives up: the download goes on, and close() stops it.
      Thread.currentThread().interrupt();
      throw interrupted(e);
    }
    if (failure instanceof Error error) {
      throw error;
    }
    if (failure != null) {
      throw (RuntimeException) failure;
    }
    return report;
  }

  /** When the download ended; only after {@link #await}. */
  Instant ended() {
    return ended;
  }

  /** Stops the download if it still runs, waits for its thread, and deletes the spool file. */
  @Override
  public void close() {
    thread.interrupt();
    // The spool file is deleted only once the download is done with it.
    Threads.joinUninterruptibly(thread);
    if (report != null) {
      report.close();
    }
  }

  private CrewexportException interrupted(InterruptedException e) {
    return new CrewexportException(
        ErrorCode.INTERRUPTED,
        request.describe() + ": interrupted while the report downloads; nothing was committed.",
        e);
  }
}
