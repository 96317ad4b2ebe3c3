package io.crewexport.spi;

import java.util.OptionalLong;

/**
 * A {@link SinkWriter} that can load a whole spooled CSV body with its own engine, faster than
 * taking it row by row: a database's bulk CSV reader, say.
 *
 * <pre>{@code
 * final class WarehouseWriter extends AbstractSinkWriter implements SpooledCsvLoader {
 *   public OptionalLong load(SpooledCsv body) {
 *     if (!body.charset().equals(UTF_8)) {
 *       return OptionalLong.empty();          // the export sends the rows instead
 *     }
 *     ... COPY the file into the staging table, typed by the writer's schema ...
 *     return OptionalLong.of(rowsCopied);
 *   }
 * }
 * }</pre>
 *
 * <p>The export offers a body only when every row it would write is the body's row unchanged: one
 * value per heading, in the headings' order, typed by the writer's schema, no column dropped or
 * hashed. It calls {@link #load} at most once, right after opening the writer and before any {@link
 * #write}, possibly on a thread of its own and while the export is still reading the body to check
 * that every cell fits the schema.
 *
 * <p>A loader need not look for cells that start with spaces and then a quote ({@code "x"}): the
 * export reads them as they stand, as RFC 4180 says, where bulk readers unquote them, so it never
 * commits a load of a body holding one and sends the rows to a fresh writer instead.
 *
 * <p>If {@code load} returns a count, the writer holds the body's rows, staged as {@code write}
 * would have staged them, and gets no {@code write}; the export then commits it only if the count
 * equals its own and every cell fitted, and aborts it otherwise. If {@code load} declines, it must
 * leave the writer as if {@code load} had never been called, and the export writes every row to it.
 * Any failure of the load, thrown or reported, makes the export abort the writer and send the rows
 * again, to a fresh writer.
 */
public interface SpooledCsvLoader {

  /**
   * Loads every data row of {@code body}, typed by the schema this writer was opened with, or
   * declines.
   *
   * @return the number of rows loaded, or empty to decline up front (the writer is untouched)
   * @throws RuntimeException when the engine fails to load the body; the export aborts this writer
   */
  OptionalLong load(SpooledCsv body);
}
