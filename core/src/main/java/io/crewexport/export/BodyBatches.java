package io.crewexport.export;

import io.crewexport.CrewexportException;
import io.crewexport.ErrorCode;
import io.crewexport.read.ReportReader;
import io.crewexport.schema.InferredSchema;
import io.crewexport.schema.RowCells;
import io.crewexport.schema.RowConverter;
import io.crewexport.schema.TypeInference;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads a report body on a thread of its own, a few batches ahead of the thread that writes, so
 * that parsing and writing run on two processors. If given a type inference, the reading thread
 * feeds it every row and hands each batch over with what inference knew after its last row.
 *
 * <p>Once told how ({@link #convertWith}), the reading thread also converts a batch's cells to
 * values, but only when the writing thread is the slower one (batches wait in the queue) and
 * inference still knows what it knew when the converter was made, so every cell fits.
 *
 * <p>Memory stays bounded: a batch holds about {@value #BATCH_CELLS} cells and at most {@value
 * #DEPTH} batches wait. The reader's failure reaches the taker, rethrown as it was, in place of the
 * next batch. Closing stops the thread and waits for it, so the reader can be closed after.
 */
final class BodyBatches implements AutoCloseable {
  static final int BATCH_CELLS = 16_384;
  static final int DEPTH = 8;

  /**
   * Consecutive rows of the body.
   *
   * @param rows the rows, as the reader gave them; null rows once only inference reads them
   * @param values the rows converted by the reading thread, or null
   * @param inferred what inference knew after the last of them, or null without inference
   * @param last whether no rows follow
   * @param paddedRows on the last batch, the body's rows that the reader padded; else 0
   * @param spacedQuote whether a cell read so far starts with spaces and then a quote
   */
  record Batch(
      String[][] rows,
      Object[][] values,
      InferredSchema inferred,
      boolean last,
      long paddedRows,
      boolean spacedQuote) {}

  /** A converter, good for rows while inference knows {@code known}. */
  private record Conversion(RowConverter converter, InferredSchema known) {}

  private record Handover(Batch batch, Throwable failure) {}

  private final BlockingQueue<Handover> queue = new ArrayBlockingQueue<>(DEPTH);
  private final Thread thread;
  private final int batchRows;
  private final String source;
  private volatile Conversion conversion;
  private volatile boolean textUnread;
  private boolean ended;

  /**
   * Starts reading on a daemon thread named {@code threadName}.
   *
   * @param inference fed every row on the reading thread, or null
   * @param source names the report and period in messages
   */
  BodyBatches(ReportReader reader, TypeInference inference, String source, String threadName) {
    this.batchRows = Math.max(1, BATCH_CELLS / Math.max(1, reader.headings().size()));
    this.source = source;
    this.thread = new Thread(() -> read(reader, inference), threadName);
    // A writer that gives up must not leave a thread that keeps the JVM alive.
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Lets the reading thread convert rows with {@code converter} while inference knows exactly
   * {@code known}, which must lead to the converter's schema; called again as what inference knows
   * moves on without changing the schema.
   */
  void convertWith(RowConverter converter, InferredSchema known) {
    conversion = new Conversion(converter, known);
  }

  /**
   * Says that from now on nobody reads the rows' text but inference: later batches hold as many
   * rows as they should, but the rows are {@code null} (at most the first row of the first such
   * batch is kept), and inference looks at the cells where the reader holds them.
   */
  void skipUnreadText() {
    textUnread = true;
  }

  /** Batches read and waiting to be taken. */
  int waiting() {
    return queue.size();
  }

  /** Rows per batch, so that a batch holds about {@value #BATCH_CELLS} cells. */
  int batchRows() {
    return batchRows;
  }

  /**
   * The next batch, or null after the last.
   *
   * @throws RuntimeException the reader's own failure
   * @throws CrewexportException with code {@code INTERRUPTED} if interrupted while waiting
   */
  Batch next() {
    if (ended) {
      return null;
    }
    Handover handover = take();
    if (handover.failure() != null) {
      ended = true;
      throw rethrow(handover.failure());
    }
    ended = handover.batch().last();
    return handover.batch();
  }

  /** Stops the reading thread, if still running, and waits for it to end. */
  @Override
  public void close() {
    thread.interrupt();
    Threads.joinUninterruptibly(thread);
  }

  private void read(ReportReader reader, TypeInference inference) {
    try {
      // One row read ahead, so that a batch that ends the body says so even when it is full:
      // an array of texts, or, once only inference reads the rows, cells looked at in place.
      String[] cells = reader.next();
      RowCells looked = null;
      boolean more = cells != null;
      boolean[] skipped = null;
      do {
        boolean onlyInferred = textUnread && inference != null;
        if (onlyInferred && inference.textOnly() != skipped) {
          skipped = inference.textOnly();
          reader.skipText(skipped);
        }
        String[][] rows = new String[batchRows][];
        int count = 0;
        for (; more && count < batchRows; count++) {
          if (cells != null) {
            if (inference != null) {
              inference.accept(cells);
            }
            rows[count] = cells;
            cells = null;
          } else {
            inference.accept(looked);
          }
          if (onlyInferred) {
            looked = reader.nextCells();
            more = looked != null;
          } else {
            cells = reader.next();
            more = cells != null;
          }
        }
        rows = count == batchRows ? rows : Arrays.copyOf(rows, count);
        hand(
            batch(
                rows,
                onlyInferred,
                snapshot(inference),
                !more,
                more ? 0 : reader.paddedRows(),
                reader.hasSpacedQuote()));
      } while (more);
    } catch (InterruptedException e) {
      // Closed: nobody takes any more.
    } catch (RuntimeException | Error e) {
      try {
        queue.put(new Handover(null, e));
      } catch (InterruptedException closed) {
        // Closed while handing the failure on: the taker has a failure of its own.
      }
    }
  }

  /** A batch, converted here if the writing thread lags and the converter still holds. */
  private Batch batch(
      String[][] rows,
      boolean onlyInferred,
      InferredSchema inferred,
      boolean last,
      long padded,
      boolean spacedQuote) {
    Conversion now = conversion;
    Object[][] values = null;
    if (!onlyInferred && now != null && queue.size() >= DEPTH / 2 && now.known().equals(inferred)) {
      values = new Object[rows.length][];
      for (int i = 0; i < rows.length; i++) {
        values[i] = now.converter().convertInferred(rows[i]);
      }
    }
    return new Batch(rows, values, inferred, last, padded, spacedQuote);
  }

  private void hand(Batch batch) throws InterruptedException {
    queue.put(new Handover(batch, null));
  }

  private static InferredSchema snapshot(TypeInference inference) {
    return inference == null ? null : inference.result();
  }

  private Handover take() {
    try {
      return queue.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CrewexportException(
          ErrorCode.INTERRUPTED,
          source + ": interrupted while reading the report; nothing was committed.",
          e);
    }
  }

  private static RuntimeException rethrow(Throwable failure) {
    if (failure instanceof Error error) {
      throw error;
    }
    return (RuntimeException) failure;
  }
}
