package io.crewexport.export;

import static java.util.Objects.requireNonNull;

import io.crewexport.CrewexportException;
import io.crewexport.ErrorCode;
import io.crewexport.ReportRequest;
import io.crewexport.client.CrewmojoClient;
import io.crewexport.client.DownloadedReport;
import io.crewexport.read.ReportReader;
import io.crewexport.read.ReportReaders;
import io.crewexport.schema.EvolvedSchema;
import io.crewexport.schema.InferredSchema;
import io.crewexport.schema.RowConverter;
import io.crewexport.schema.SchemaPolicy;
import io.crewexport.schema.TypeInference;
import io.crewexport.spi.ExportTarget;
import io.crewexport.spi.ReportSink;
import io.crewexport.spi.Row;
import io.crewexport.spi.SinkResult;
import io.crewexport.spi.SinkWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exports one report into one or more sinks: download to a spool file, infer the schema in a first
 * pass, write every row to every sink in a second, then commit each sink. Any failure before the
 * commits aborts every sink, so nothing of a failed export becomes visible.
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

  public ReportExporter(CrewmojoClient client, Path spoolFolder, Clock clock) {
    this.client = requireNonNull(client, "client");
    this.spoolFolder = requireNonNull(spoolFolder, "spoolFolder");
    this.clock = requireNonNull(clock, "clock");
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
    try (DownloadedReport report = client.download(request, spoolFolder, hooks::downloaded)) {
      Duration download = Duration.between(start, clock.instant());
      Inferred inferred = inferSchema(report, hooks.policy(request));
      EvolvedSchema evolved = hooks.evolve(request, inferred.schema);
      logDrift(request, inferred.rows, evolved);
      hooks.check(request, evolved.schema(), inferred.rows);
      RowTransform transform = hooks.transform(request, evolved.schema());
      Written written = write(report, evolved.converter(), transform, sinks, target, hooks);
      ExportResult result =
          new ExportResult(
              request,
              transform.schema(),
              evolved.schema(),
              evolved.drift(),
              written.rows,
              written.padded,
              report.bytes(),
              report.attempts(),
              report.polls(),
              report.jobIds(),
              written.results,
              download,
              Duration.between(start, clock.instant()));
      if (written.failure != null) {
        throw written.results.isEmpty()
            ? written.failure
            : new PartialCommitException(written.failure, result);
      }
      return result;
    }
  }

  private static Inferred inferSchema(DownloadedReport report, SchemaPolicy policy) {
    try (ReportReader reader = open(report)) {
      TypeInference inference = new TypeInference(reader.headings(), policy);
      long rows = 0;
      for (String[] cells; (cells = reader.next()) != null; rows++) {
        inference.accept(cells);
      }
      return new Inferred(inference.result(), rows);
    }
  }

  private static void logDrift(ReportRequest request, long rows, EvolvedSchema evolved) {
    log.info(
        "{}: {} rows, {} columns, {}",
        request.describe(),
        rows,
        evolved.schema().size(),
        evolved.drift().summary());
    evolved.drift().notices().forEach(notice -> log.info("{}: {}", request.describe(), notice));
  }

  private Written write(
      DownloadedReport report,
      RowConverter converter,
      RowTransform transform,
      List<ReportSink> sinks,
      ExportTarget target,
      ExportHooks hooks) {
    List<TimedWriter> writers = new ArrayList<>();
    try (ReportReader reader = open(report)) {
      for (ReportSink sink : sinks) {
        long start = System.nanoTime();
        writers.add(new TimedWriter(sink.name(), sink.open(transform.schema(), target), start));
      }
      long rows = 0;
      for (String[] cells; (cells = reader.next()) != null; rows++) {
        if ((rows & 0xFFF) == 0) {
          checkInterrupted(target);
          hooks.written(rows);
        }
        Row row = transform.apply(Row.wrap(converter.convert(cells)));
        for (TimedWriter writer : writers) {
          writer.write(row);
        }
      }
      log.info("{}: {} rows written to {}", report.request().describe(), rows, names(sinks));
      Map<String, SinkOutcome> results = new LinkedHashMap<>();
      CrewexportException failure = commit(writers, target, results);
      return new Written(rows, reader.paddedRows(), results, failure);
    } catch (RuntimeException | Error e) {
      writers.forEach(writer -> writer.writer.abort());
      throw e;
    }
  }

  /**
   * Commits each writer in turn into {@code results}; at the first that fails, aborts the rest and
   * returns the failure (the commits before it stand), else null.
   */
  private static CrewexportException commit(
      List<TimedWriter> writers, ExportTarget target, Map<String, SinkOutcome> results) {
    for (TimedWriter writer : writers) {
      try {
        results.put(writer.name, writer.commit());
        log.info("{}: committed to {}", target.describe(), writer.name);
      } catch (RuntimeException e) {
        writers.forEach(other -> other.writer.abort());
        return new CrewexportException(
            ErrorCode.SINK_FAILED,
            target.describe()
                + ": the "
                + writer.name
                + " sink failed to commit"
                + (results.isEmpty() ? "" : " (already committed to " + results.keySet() + ")")
                + ": "
                + e.getMessage(),
            e);
      }
    }
    return null;
  }

  private static void checkInterrupted(ExportTarget target) {
    if (Thread.currentThread().isInterrupted()) {
      throw new CrewexportException(
          ErrorCode.INTERRUPTED, target.describe() + ": stopped; nothing was committed.");
    }
  }

  private static ReportReader open(DownloadedReport report) {
    return ReportReaders.open(
        report.file(), report.charset(), report.json(), report.request().describe());
  }

  private static List<String> names(List<ReportSink> sinks) {
    return sinks.stream().map(ReportSink::name).toList();
  }

  private record Inferred(InferredSchema schema, long rows) {}

  private record Written(
      long rows, long padded, Map<String, SinkOutcome> results, CrewexportException failure) {}

  /** A sink's writer, timing what it spends writing and committing. */
  private static final class TimedWriter {
    private final String name;
    private final SinkWriter writer;
    private long nanos;

    TimedWriter(String name, SinkWriter writer, long openedAt) {
      this.name = name;
      this.writer = writer;
      this.nanos = System.nanoTime() - openedAt;
    }

    void write(Row row) {
      long start = System.nanoTime();
      writer.write(row);
      nanos += System.nanoTime() - start;
    }

    SinkOutcome commit() {
      long start = System.nanoTime();
      SinkResult result = writer.commit();
      nanos += System.nanoTime() - start;
      return new SinkOutcome(result, Duration.ofNanos(nanos));
    }
  }
}
