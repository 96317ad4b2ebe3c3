package io.crewexport.spi;

/**
 * One export into one sink: {@link #write} each row, then {@link #commit()} or {@link #abort()}.
 *
 * <p>A writer is used by one thread. It is single use: after {@code commit} or {@code abort},
 * {@code write} and {@code commit} throw {@link IllegalStateException}, while {@code abort} and
 * {@code close} do nothing.
 */
public interface SinkWriter extends AutoCloseable {

  /**
   * Writes one row, typed by the schema the writer was opened with. Rows may be buffered or staged;
   * none is visible to readers until commit.
   *
   * @throws IllegalArgumentException naming the column if the row does not fit the schema (see
   *     {@link Row#requireFits}); the caller then aborts
   */
  void write(Row row);

  /**
   * Publishes every row written, atomically from a reader's view, replacing the earlier exports of
   * the same report whose period lies inside this one's, the same period included (see {@link
   * PeriodReplacement}). If commit throws, the earlier exports are still in place and nothing of
   * this one is visible.
   */
  SinkResult commit();

  /**
   * Discards everything written: staging files, open transactions. Leaves the earlier export
   * untouched. Never throws for a cleanup failure; it logs it, since it runs while another failure
   * is already on its way up.
   */
  void abort();

  /** Aborts unless committed, so a writer in try-with-resources never leaves staging behind. */
  @Override
  void close();
}
