package io.crewexport.runner.batch;

import io.crewexport.CrewexportException;
import io.crewexport.ErrorCode;
import io.crewexport.Period;
import io.crewexport.ReportRequest;
import io.crewexport.export.ExportResult;
import io.crewexport.export.PartialCommitException;
import io.crewexport.export.ReportExporter;
import io.crewexport.runner.plan.ExportUnit;
import io.crewexport.runner.progress.ProgressBoard;
import io.crewexport.runner.state.Committed;
import io.crewexport.runner.state.RunRecord;
import io.crewexport.runner.state.StoredColumn;
import io.crewexport.runner.wiring.SinkRegistry;
import io.crewexport.spi.ExportTarget;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a batch: its units {@code parallel} at a time, each downloaded once and written to its
 * sinks; every commit is recorded in the state at once, so a crash loses nothing committed. A
 * failed unit is reported and the others go on. A window that keeps timing out at the vendor is
 * split in two when its report allows it.
 */
public final class BatchRunner {
  /** How long a stop waits for running exports to abort. */
  private static final Duration ABORT_WAIT = Duration.ofSeconds(30);

  /** How long a stop then waits for the run's manifest and summary. */
  private static final Duration REPORT_WAIT = Duration.ofSeconds(10);

  private static final Logger log = LoggerFactory.getLogger(BatchRunner.class);
  private static final DateTimeFormatter RUN_ID =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final SinkRegistry registry;
  private final Clock clock;

  @Inject
  public BatchRunner(SinkRegistry registry, Clock clock) {
    this.registry = registry;
    this.clock = clock;
  }

  /** A new, unique, sortable run id. */
  public String newRunId() {
    return RUN_ID.format(clock.instant())
        + "-"
        + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 16, 1 << 20));
  }

  /**
   * Runs {@code job}, then {@code report} with its outcome (the run's manifest and summary).
   * Interrupting the calling thread, or stopping the process (Ctrl-C, {@code kill}), stops the run,
   * aborting open exports; a stopped run is still reported, since the process waits a little for
   * {@code report} before it ends, and it stays unfinished for {@code --resume}.
   */
  public <T> T run(BatchJob job, Function<BatchOutcome, T> report) {
    job.state()
        .startRun(
            new RunRecord(
                job.runId(),
                clock.instant(),
                false,
                job.units().stream().map(ExportUnit::planned).toList()));
    ExecutorService pool = Executors.newFixedThreadPool(job.parallel(), BatchRunner::worker);
    AtomicBoolean stopping = new AtomicBoolean();
    CountDownLatch reported = new CountDownLatch(1);
    Thread caller = Thread.currentThread();
    Thread stopper =
        new Thread(
            () -> {
              stopping.set(true);
              stop(pool);
              // An export stuck in a socket read ignores interrupts: stop waiting for it.
              caller.interrupt();
              awaitQuietly(reported, REPORT_WAIT);
            },
            "crewexport-stop");
    Runtime.getRuntime().addShutdownHook(stopper);
    try {
      List<Future<List<UnitOutcome>>> futures = new ArrayList<>();
      for (ExportUnit unit : job.units()) {
        futures.add(pool.submit(() -> runUnit(job, unit)));
      }
      List<UnitOutcome> outcomes = new ArrayList<>();
      for (int i = 0; i < futures.size(); i++) {
        outcomes.addAll(await(futures.get(i), job.units().get(i)));
      }
      if (!stopping.get()) {
        job.state().finishRun();
      }
      // A stop interrupts this thread; the manifest is written all the same (an interrupted file
      // channel would refuse it), and the interrupt kept for the caller.
      boolean interrupted = Thread.interrupted();
      try {
        return report.apply(new BatchOutcome(job.runId(), outcomes));
      } finally {
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
    } finally {
      reported.countDown();
      pool.shutdownNow();
      removeHook(stopper);
    }
  }

  /**
   * On Ctrl-C: interrupts every export (polling stops, writers abort), cancels those not started,
   * and waits a little for the aborts to finish, so no staging file or open transaction is left
   * behind.
   */
  private static void stop(ExecutorService pool) {
    log.warn("Stopping: aborting the exports still running");
    for (Runnable notStarted : pool.shutdownNow()) {
      if (notStarted instanceof Future<?> future) {
        future.cancel(false);
      }
    }
    awaitQuietly(pool, ABORT_WAIT);
  }

  private static void awaitQuietly(ExecutorService pool, Duration wait) {
    try {
      pool.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void awaitQuietly(CountDownLatch latch, Duration wait) {
    try {
      latch.await(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down; the hook is running.
    }
  }

  private List<UnitOutcome> runUnit(BatchJob job, ExportUnit unit) {
    try {
      return List.of(UnitOutcome.committed(unit, export(job, unit)));
    } catch (CrewexportException e) {
      if (e.code() == ErrorCode.GAVE_UP && splittable(unit)) {
        return split(job, unit);
      }
      CrewexportException failure = namingUnit(unit, e);
      log.error("{}", failure.getMessage());
      if (e instanceof PartialCommitException partial) {
        return List.of(UnitOutcome.partlyCommitted(unit, partial.result(), failure));
      }
      return List.of(UnitOutcome.failed(unit, failure));
    } catch (RuntimeException | LinkageError e) {
      // A LinkageError is a library that failed to load, such as snappy-java when it cannot unpack
      // its native library into a full java.io.tmpdir: it fails this export, not the whole run.
      log.error("{}: unexpected failure", unit.describe(), e);
      return List.of(
          UnitOutcome.failed(
              unit,
              new CrewexportException(
                  ErrorCode.SINK_FAILED, unit.describe() + ": unexpected failure: " + e, e)));
    }
  }

  private ExportResult export(BatchJob job, ExportUnit unit) {
    Instant now = clock.instant();
    ExportTarget target =
        new ExportTarget(
            unit.request().reportId(),
            unit.request().period(),
            job.runId(),
            now,
            unit.outputRoot(),
            unit.options());
    ProgressBoard.Entry progress = job.progress().start(unit.describe());
    try {
      UnitHooks hooks =
          new UnitHooks(
              unit,
              job.state().report(unit.reportKey()),
              job.hashSalt(),
              target.snapshotDate(),
              progress);
      ReportExporter exporter =
          new ReportExporter(job.clients().client(unit.account()), job.spoolFolder(), clock);
      ExportResult result;
      try {
        result = exporter.export(unit.request(), registry.resolve(unit.sinks()), target, hooks);
      } catch (PartialCommitException e) {
        record(job, unit, target, e.result());
        throw e;
      }
      record(job, unit, target, result);
      return result;
    } finally {
      job.progress().finish(progress);
    }
  }

  private void record(BatchJob job, ExportUnit unit, ExportTarget target, ExportResult result) {
    List<StoredColumn> schema =
        result.sourceSchema().columns().stream().map(StoredColumn::of).toList();
    Period period = unit.request().period();
    result
        .sinks()
        .forEach(
            (sink, outcome) ->
                job.state()
                    .commit(
                        unit.reportKey(),
                        sink,
                        new Committed(
                            period == null ? null : period.start(),
                            period == null ? null : period.end(),
                            period == null ? target.snapshotDate() : null,
                            outcome.result().rows(),
                            job.runId(),
                            clock.instant()),
                        schema));
  }

  /**
   * {@code failure}, with a message that names the account, report and period: a token request
   * fails on behalf of whichever export needed the token, and says so in its own words only.
   */
  private static CrewexportException namingUnit(ExportUnit unit, CrewexportException failure) {
    String message = String.valueOf(failure.getMessage());
    boolean named =
        message.contains(unit.request().reportId())
            && unit.request()
                .optionalPeriod()
                .map(p -> message.contains(p.toString()))
                .orElse(true);
    return named
        ? failure
        : new CrewexportException(failure.code(), unit.describe() + ": " + message, failure);
  }

  private static boolean splittable(ExportUnit unit) {
    return Boolean.TRUE.equals(unit.report().splitOnTimeout())
        && unit.request().period() != null
        && unit.request().period().start().isBefore(unit.request().period().end());
  }

  /** Exports the two halves of a window the vendor could not produce in time, in turn. */
  private List<UnitOutcome> split(BatchJob job, ExportUnit unit) {
    Period period = unit.request().period();
    long days = period.end().toEpochDay() - period.start().toEpochDay() + 1;
    Period first = Period.of(period.start(), period.start().plusDays(days / 2 - 1));
    Period second = Period.of(first.end().plusDays(1), period.end());
    log.warn(
        "{}: timed out at the vendor; splitting into {} and {}", unit.describe(), first, second);
    List<UnitOutcome> outcomes = new ArrayList<>();
    for (Period half : List.of(first, second)) {
      ReportRequest request =
          new ReportRequest(unit.request().reportId(), half, unit.request().contentType());
      outcomes.addAll(runUnit(job, unit.with(request, unit.sinks())));
    }
    return outcomes;
  }

  private static List<UnitOutcome> await(Future<List<UnitOutcome>> future, ExportUnit unit) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of(
          UnitOutcome.failed(
              unit, new CrewexportException(ErrorCode.INTERRUPTED, unit.describe() + ": stopped")));
    } catch (CancellationException e) {
      return List.of(
          UnitOutcome.failed(
              unit,
              new CrewexportException(
                  ErrorCode.INTERRUPTED, unit.describe() + ": stopped before it started")));
    } catch (ExecutionException e) {
      throw new IllegalStateException("runUnit catches every failure", e.getCause());
    }
  }

  private static Thread worker(Runnable task) {
    Thread thread = new Thread(task, "crewexport-export");
    thread.setDaemon(true);
    return thread;
  }
}
