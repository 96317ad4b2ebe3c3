package io.crewexport.spi.files;

import static java.util.Objects.requireNonNull;

import io.crewexport.CrewexportException;
import io.crewexport.ErrorCode;
import io.crewexport.schema.ReportSchema;
import io.crewexport.spi.AbstractSinkWriter;
import io.crewexport.spi.Row;
import io.crewexport.spi.RowCheck;
import io.crewexport.spi.SinkResult;
import io.crewexport.spi.SinkWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes one export of a file sink: rows go through a {@link RowFile} into a staging file, which
 * commit makes durable and publishes with {@link PartitionFiles}; abort deletes it.
 *
 * <pre>{@code
 * public SinkWriter open(ReportSchema schema, ExportTarget target) {
 *   PartitionFiles files = new PartitionFiles(store, reportFolder, target, ".jsonl", "jsonl");
 *   return StagedFileWriter.open(schema, files, query, JsonLinesFile::new);
 * }
 * }</pre>
 *
 * <p>Every failure becomes a {@code SINK_FAILED} exception naming the sink, the file and the
 * export; a row that does not fit the schema an {@link IllegalArgumentException} naming the column.
 */
public final class StagedFileWriter extends AbstractSinkWriter {
  private final ReportSchema schema;
  private final RowCheck check;
  private final PartitionFiles files;
  private final String query;
  private final OutputStream staging;
  private final RowFile file;
  private final RewritableFormat rewritable;
  private final List<PartitionFiles.Staged> others = new ArrayList<>();

  private StagedFileWriter(
      ReportSchema schema,
      PartitionFiles files,
      String query,
      OutputStream staging,
      RowFile file,
      RewritableFormat rewritable) {
    this.schema = schema;
    this.check = RowCheck.of(schema);
    this.files = files;
    this.query = query;
    this.staging = staging;
    this.file = file;
    this.rewritable = rewritable;
  }

  /**
   * Opens this export's staging file (see {@link PartitionFiles#openStaging}) and starts {@code
   * format} on it.
   *
   * @param schema the report's schema
   * @param files the export's partition files
   * @param query a DuckDB query over every partition of the report, for the result
   * @param format the file format
   * @throws CrewexportException {@code CONFIGURATION} if a stored period conflicts with the
   *     export's, {@code SINK_FAILED} if the file cannot be created; nothing is left behind then
   */
  public static SinkWriter open(
      ReportSchema schema, PartitionFiles files, String query, RowFile.Format format) {
    requireNonNull(format, "format");
    return open(schema, files, query, format, null);
  }

  /**
   * Opens an export as {@link #open(ReportSchema, PartitionFiles, String, RowFile.Format)} does, in
   * a format that reads back its own files: the commit then also writes the format's sidecar beside
   * the file, and rewrites, in the same commit, the report's earlier partitions whose files hold
   * narrower types or fewer columns than {@code schema} (see {@link Widening}). If the commit
   * fails, every earlier file is as it was.
   */
  public static SinkWriter open(
      ReportSchema schema, PartitionFiles files, String query, RewritableFormat format) {
    requireNonNull(format, "format");
    return open(
        schema,
        files,
        query,
        out -> format.start(out, files.stagingPath(), schema, files.target()),
        format);
  }

  private static SinkWriter open(
      ReportSchema schema,
      PartitionFiles files,
      String query,
      RowFile.Format format,
      RewritableFormat rewritable) {
    requireNonNull(schema, "schema");
    requireNonNull(files, "files");
    requireNonNull(query, "query");
    OutputStream staging = null;
    try {
      staging = files.openStaging();
      RowFile file = format.start(new FlushOnClose(staging));
      return new StagedFileWriter(schema, files, query, staging, file, rewritable);
    } catch (IOException | RuntimeException e) {
      abandonQuietly(files.store(), staging);
      try {
        files.discard();
      } catch (IOException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e instanceof CrewexportException refused ? refused : failed(files, "create", e);
    }
  }

  @Override
  protected void append(Row row) {
    check.require(row);
    try {
      file.write(row);
    } catch (IOException | UncheckedIOException e) {
      throw failed(files, "write", e);
    }
  }

  @Override
  protected SinkResult publish(long rows) {
    try {
      file.finish();
      files.store().sync(staging);
      staging.close();
      if (rewritable != null) {
        new PartitionRewriter(files, rewritable, schema).stage(others);
        stageSidecar();
      }
      String published = files.publish(others);
      return new SinkResult(rows, files.folder(), List.of(published), query);
    } catch (IOException | RuntimeException e) {
      throw e instanceof CrewexportException known ? known : failed(files, "publish", e);
    }
  }

  @Override
  protected void discard() {
    file.release();
    abandonQuietly(files.store(), staging);
    try {
      files.discard();
      files.discard(others);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void stageSidecar() throws IOException {
    Optional<String> suffix = rewritable.sidecarSuffix();
    if (suffix.isEmpty()) {
      return;
    }
    String name = files.publishedName() + suffix.get();
    String partition = files.target().partitionPath();
    others.add(new PartitionFiles.Staged(partition, List.of(name), List.of()));
    PartitionRewriter.writeWhole(
        files.store(),
        files.stagingPath(partition, name),
        rewritable.sidecar(schema, files.target()));
  }

  private static void abandonQuietly(FileStore store, OutputStream staging) {
    try {
      if (staging != null) {
        store.abandon(staging);
      }
    } catch (IOException | RuntimeException e) {
      // Only on the way to deleting the file: a failure to flush it does not matter.
    }
  }

  private static CrewexportException failed(PartitionFiles files, String action, Exception cause) {
    Throwable reason =
        cause instanceof UncheckedIOException unchecked ? unchecked.getCause() : cause;
    return new CrewexportException(
        ErrorCode.SINK_FAILED,
        "The "
            + files.sinkName()
            + " sink could not "
            + action
            + " "
            + files.stagingPath()
            + " for "
            + files.target().describe()
            + ": "
            + reason
            + ". Check that the output folder is reachable, writable and has space, then run the"
            + " export again; the earlier export of this period is unchanged.",
        cause);
  }

  /**
   * The staging stream as a format sees it: closing it only flushes, so the writer can sync the
   * file before it closes it.
   */
  static final class FlushOnClose extends FilterOutputStream {
    FlushOnClose(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      out.write(bytes, offset, length);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
