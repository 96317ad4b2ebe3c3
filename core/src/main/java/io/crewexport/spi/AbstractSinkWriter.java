package io.crewexport.spi;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the single-use rules of {@link SinkWriter} so a sink only writes, publishes and cleans up.
 * Subclasses implement {@link #append}, {@link #publish} and {@link #discard}.
 */
public abstract class AbstractSinkWriter implements SinkWriter {
  private static final Logger log = LoggerFactory.getLogger(AbstractSinkWriter.class);

  private enum State {
    OPEN,
    COMMITTED,
    ABORTED
  }

  private State state = State.OPEN;
  private long rows;

  @Override
  public final void write(Row row) {
    requireOpen("write");
    append(row);
    rows++;
  }

  @Override
  public final SinkResult commit() {
    requireOpen("commit");
    try {
      SinkResult result = publish(rows);
      state = State.COMMITTED;
      return result;
    } catch (RuntimeException | Error e) {
      abort();
      throw e;
    }
  }

  @Override
  public final void abort() {
    if (state != State.OPEN) {
      return;
    }
    state = State.ABORTED;
    try {
      discard();
    } catch (RuntimeException e) {
      log.warn(
          "Cleaning up an aborted export failed; the next run removes what is left: {}",
          e.toString());
    }
  }

  @Override
  public final void close() {
    abort();
  }

  /** Rows written so far. */
  protected final long rowsWritten() {
    return rows;
  }

  /** Stages one row; nothing may become visible. */
  protected abstract void append(Row row);

  /** Publishes the {@code rows} staged rows atomically and says where they went. */
  protected abstract SinkResult publish(long rows);

  /** Removes everything staged; may throw, the caller logs it. */
  protected abstract void discard();

  private void requireOpen(String action) {
    if (state != State.OPEN) {
      throw new IllegalStateException(
          "cannot "
              + action
              + ": this export was already "
              + state.name().toLowerCase(java.util.Locale.ROOT));
    }
  }
}
