package io.crewexport.export;

import io.crewexport.CrewexportException;
import io.crewexport.ErrorCode;
import io.crewexport.ReportRequest;
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
import io.crewexport.spi.SpooledCsv;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one downloaded body to the sinks, reading it once where it can.
 *
 * <p>The single pass guesses the column types from the first rows (about {@value #SAMPLE_CELLS}
 * cells unless told otherwise), opens the sinks with them, and writes while the reading thread goes
 * on inferring from every row. As long as the schema that inference leads to stays the guessed one,
 * every row written fits it; at the end it is the schema of the whole body, so the result equals
 * that of reading twice. The first time it differs (a column of whole numbers meets a decimal,
 * say), the sinks are aborted and the body is read twice: once to infer, once to write.
 *
 * <p>A sink that can load the spooled CSV itself ({@link io.crewexport.spi.SpooledCsvLoader}) does
 * so, in the single pass on a thread of its own, when the rows written are the body's rows
 * unchanged.
 *
 * <p>The sinks may still be preparing (loading a native library, say) when the body starts: it is
 * read meanwhile, and they are awaited only before they open.
 */
final class BodyExport {
  private static final Logger log = LoggerFactory.getLogger(BodyExport.class);

  /** About how many cells are read to guess the types before any sink opens. */
  static final int SAMPLE_CELLS = 640_000;

  private final int sampleCells;

  private final SpooledBody body;
  private final ReportRequest request;
  private final List<ReportSink> sinks;
  private final ExportTarget target;
  private final ExportHooks hooks;
  private final SchemaPolicy policy;
  private final Runnable awaitSinksPrepared;

  BodyExport(
      SpooledBody body,
      List<ReportSink> sinks,
      ExportTarget target,
      ExportHooks hooks,
      int sampleCells,
      Runnable awaitSinksPrepared) {
    this.awaitSinksPrepared = awaitSinksPrepared;
    this.sampleCells = sampleCells;
    this.body = body;
    this.request = body.request();
    this.sinks = sinks;
    this.target = target;
    this.hooks = hooks;
    this.policy = hooks.policy(request);
  }

  /**
   * What the export wrote.
   *
   * @param failure the first commit that failed, or null; the commits before it stand
   */
  record Written(
      EvolvedSchema evolved,
      RowTransform transform,
      long rows,
      long padded,
      Map<String, SinkOutcome> results,
      CrewexportException failure) {}

  /** Writes the body to every sink and commits them. */
  Written run() {
    Written once = readOnce();
    return once != null ? once : readTwice();
  }

  /** The single pass; null if the guessed types did not hold, with every sink aborted. */
  private Written readOnce() {
    try (ReportReader reader = open();
        BodyBatches batches =
            new BodyBatches(
                reader,
                new TypeInference(reader.headings(), policy),
                request.describe(),
                threadName("read"))) {
      Deque<BodyBatches.Batch> sample = takeSample(batches, reader);
      InferredSchema guessed = sample.getLast().inferred();
      EvolvedSchema evolved = hooks.evolve(request, guessed);
      boolean checked = sample.getLast().last();
      if (checked) {
        // The whole body is in the sample: check it before any sink opens.
        long sampled = sample.stream().mapToLong(batch -> batch.rows().length).sum();
        logRows(sampled, evolved);
        hooks.check(request, evolved.schema(), sampled);
      }
      RowTransform transform = hooks.transform(request, evolved.schema());
      awaitSinksPrepared.run();
      SinkWriters writers = SinkWriters.open(sinks, transform.schema(), target);
      BulkLoads loads = BulkLoads.none();
      try {
        // A bulk reader would unquote a cell of spaces then a quote: no load for such a body.
        if (rowsAreTheBody(reader, evolved.converter(), transform)
            && !sample.getLast().spacedQuote()) {
          loads =
              BulkLoads.start(writers, spooled(reader), body::awaitComplete, threadName("load"));
        }
        if (writers.anyTakesRows()) {
          batches.convertWith(evolved.converter(), guessed);
        } else {
          // The rows only count and feed inference: a body that needs them is read again.
          batches.skipUnreadText();
        }
        long rows = 0;
        InferredSchema known = guessed;
        EvolvedSchema current = evolved;
        for (BodyBatches.Batch next = sample.poll(); ; next = next(sample, batches)) {
          // Inference only narrows, so the sample's rows all fit what it knew after the last; a
          // later batch's rows fit while what inference knows leads to the same schema.
          if (sample.isEmpty() && !next.inferred().equals(known)) {
            known = next.inferred();
            current = hooks.evolve(request, known);
            if (!sameWrite(current, evolved)) {
              loads.stop();
              writers.abort();
              log.info(
                  "{}: the column types changed after {} rows; reading the body twice",
                  request.describe(),
                  rows);
              return null;
            }
            batches.convertWith(evolved.converter(), known);
          }
          if (next.spacedQuote() && loads.any()) {
            loads.stop();
            writers.abort();
            log.warn(
                "{}: a cell starts with spaces and then a quote, which a bulk load would unquote;"
                    + " reading the body twice",
                request.describe());
            return null;
          }
          rows = write(next, rows, evolved.converter(), transform, writers);
          if (next.last()) {
            if (!checked) {
              logRows(rows, current);
              hooks.check(request, current.schema(), rows);
            }
            String loadFailure = loads.await(rows);
            if (loadFailure != null) {
              writers.abort();
              log.warn("{}: {}; reading the body twice", request.describe(), loadFailure);
              return null;
            }
            return commit(writers, current, transform, rows, next.paddedRows());
          }
        }
      } catch (RuntimeException | Error e) {
        loads.stop();
        writers.abort();
        throw e;
      }
    }
  }

  /** The first batches, about {@link #sampleCells} cells, or the whole body if it is smaller. */
  private Deque<BodyBatches.Batch> takeSample(BodyBatches batches, ReportReader reader) {
    Deque<BodyBatches.Batch> sample = new ArrayDeque<>();
    int sampleRows = Math.max(batches.batchRows(), sampleCells / width(reader));
    long sampled = 0;
    BodyBatches.Batch batch;
    do {
      batch = batches.next();
      sample.add(batch);
      sampled += batch.rows().length;
    } while (!batch.last() && sampled < sampleRows);
    return sample;
  }

  /** The two passes: infer from every row, then write every row. */
  private Written readTwice() {
    long rows;
    InferredSchema inferred;
    try (ReportReader reader = open()) {
      TypeInference inference = new TypeInference(reader.headings(), policy);
      rows = ReportReaders.inferAll(reader, inference);
      inferred = inference.result();
    }
    EvolvedSchema evolved = hooks.evolve(request, inferred);
    logRows(rows, evolved);
    hooks.check(request, evolved.schema(), rows);
    RowTransform transform = hooks.transform(request, evolved.schema());
    awaitSinksPrepared.run();
    SinkWriters writers = SinkWriters.open(sinks, transform.schema(), target);
    try (ReportReader reader = open();
        BodyBatches batches =
            new BodyBatches(reader, null, request.describe(), threadName("read"))) {
      long written = 0;
      for (BodyBatches.Batch batch; (batch = batches.next()) != null; ) {
        written = write(batch, written, evolved.converter(), transform, writers);
        if (batch.last()) {
          return commit(writers, evolved, transform, written, batch.paddedRows());
        }
      }
      throw new IllegalStateException("the body ended without a last batch");
    } catch (RuntimeException | Error e) {
      writers.abort();
      throw e;
    }
  }

  /**
   * Converts (unless the reading thread did), transforms and writes one batch's rows to the writers
   * that take rows; returns the rows written so far.
   */
  private long write(
      BodyBatches.Batch batch,
      long before,
      RowConverter converter,
      RowTransform transform,
      SinkWriters writers) {
    checkInterrupted();
    hooks.written(before);
    if (writers.anyTakesRows()) {
      String[][] cells = batch.rows();
      Object[][] values = batch.values();
      Row[] rows = new Row[cells.length];
      for (int i = 0; i < cells.length; i++) {
        Object[] typed = values != null ? values[i] : converter.convertInferred(cells[i]);
        rows[i] = transform.apply(Row.wrapFitting(converter.schema(), typed));
      }
      writers.write(rows);
    }
    return before + batch.rows().length;
  }

  private Written commit(
      SinkWriters writers, EvolvedSchema evolved, RowTransform transform, long rows, long padded) {
    log.info("{}: {} rows written to {}", request.describe(), rows, names());
    Map<String, SinkOutcome> results = new LinkedHashMap<>();
    CrewexportException failure = writers.commit(target, results);
    return new Written(evolved, transform, rows, padded, results, failure);
  }

  /**
   * Whether every row the sinks get is the body's row unchanged: a CSV body, each value from the
   * cell in its place, no column dropped, hashed or added.
   */
  private boolean rowsAreTheBody(
      ReportReader reader, RowConverter converter, RowTransform transform) {
    return !body.json()
        && transform.isIdentity()
        && converter.keepsCellsInPlace(reader.headings().size());
  }

  private SpooledCsv spooled(ReportReader reader) {
    return new SpooledCsv(body.file(), body.charset(), reader.headings());
  }

  /** Whether two schemas write the same values: same columns, types and cell order. */
  private static boolean sameWrite(EvolvedSchema one, EvolvedSchema other) {
    return one.schema().equals(other.schema()) && one.converter().equals(other.converter());
  }

  /** The sample's batches first, then the body's. */
  private static BodyBatches.Batch next(Deque<BodyBatches.Batch> sample, BodyBatches batches) {
    return sample.isEmpty() ? batches.next() : sample.poll();
  }

  private void logRows(long rows, EvolvedSchema evolved) {
    log.info(
        "{}: {} rows, {} columns, {}",
        request.describe(),
        rows,
        evolved.schema().size(),
        evolved.drift().summary());
    evolved.drift().notices().forEach(notice -> log.info("{}: {}", request.describe(), notice));
  }

  private void checkInterrupted() {
    if (Thread.currentThread().isInterrupted()) {
      throw new CrewexportException(
          ErrorCode.INTERRUPTED, target.describe() + ": stopped; nothing was committed.");
    }
  }

  private ReportReader open() {
    return body.open();
  }

  private static int width(ReportReader reader) {
    return Math.max(1, reader.headings().size());
  }

  private String threadName(String what) {
    return "crewexport-" + what + "-" + target.tableName();
  }

  private List<String> names() {
    return sinks.stream().map(ReportSink::name).toList();
  }
}
