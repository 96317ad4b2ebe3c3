package io.crewexport.spi.files;

import io.crewexport.spi.Row;
import java.io.IOException;
import java.io.OutputStream;

/**
 * One file of a file format being written: what a file sink provides to {@link StagedFileWriter},
 * which owns the file itself, its staging, durability, publication and cleanup.
 *
 * <pre>{@code
 * final class JsonLinesFile implements RowFile {
 *   private final Writer out;
 *   JsonLinesFile(OutputStream staging) { out = new OutputStreamWriter(staging, UTF_8); }
 *   public void write(Row row) throws IOException { out.write(toJson(row) + "\n"); }
 *   public void finish() throws IOException { out.close(); }
 * }
 * }</pre>
 *
 * <p>Used by one thread. Closing the stream it was given only flushes it, so a format may close its
 * writers freely.
 */
public interface RowFile {

  /** Starts a file on a staging stream; for example writes a header. */
  @FunctionalInterface
  interface Format {
    RowFile start(OutputStream staging) throws IOException;
  }

  /** Appends one row, already checked against the report's schema. */
  void write(Row row) throws IOException;

  /** Writes what ends the file (a footer, a compression trailer) and flushes everything. */
  void finish() throws IOException;

  /**
   * Frees what the file holds (buffers, compressors) after a failure, without finishing it; the
   * staging file is deleted next. Must not throw.
   */
  default void release() {}
}
