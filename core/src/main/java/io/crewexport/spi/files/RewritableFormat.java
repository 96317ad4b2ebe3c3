package io.crewexport.spi.files;

import io.crewexport.schema.ReportSchema;
import io.crewexport.spi.ExportTarget;
import io.crewexport.spi.Row;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;

/**
 * A file format that can also read back the files it published, so that when a report's column
 * types widen, {@link StagedFileWriter} rewrites the report's earlier partitions with the wider
 * types in the same commit (see {@link Widening}). It may also write a sidecar next to each file.
 */
public interface RewritableFormat {

  /** Receives the rows of a published file, one at a time. */
  @FunctionalInterface
  interface RowConsumer {
    void accept(Row row) throws IOException;
  }

  /**
   * Starts a file on a staging stream.
   *
   * @param out the staging stream
   * @param stagingPath its path, for messages
   * @param schema the schema of the file's rows
   * @param target the export the file belongs to, with its lineage
   */
  RowFile start(OutputStream out, String stagingPath, ReportSchema schema, ExportTarget target)
      throws IOException;

  /**
   * What the published file at {@code path} holds, or empty if it does not say (for example, a file
   * written before the format recorded its types): such a file is left as it is.
   */
  Optional<StoredFile> describe(String path) throws IOException;

  /**
   * Reads the published file at {@code path} row by row, each typed by {@code file.schema()}, never
   * holding the whole file in memory.
   */
  void read(String path, StoredFile file, RowConsumer rows) throws IOException;

  /** The ending of the sidecar written beside each file, such as {@code .meta.json}, if any. */
  default Optional<String> sidecarSuffix() {
    return Optional.empty();
  }

  /** The content of the sidecar of a file of {@code schema} for {@code target}. */
  default byte[] sidecar(ReportSchema schema, ExportTarget target) {
    throw new UnsupportedOperationException("this format writes no sidecar");
  }
}
