package io.crewexport.spi.files;

import static java.util.Objects.requireNonNull;

import io.crewexport.CrewexportException;
import io.crewexport.ErrorCode;
import io.crewexport.schema.ReportSchema;
import io.crewexport.spi.AbstractSinkWriter;
import io.crewexport.spi.ExportTarget;
import io.crewexport.spi.Row;
import io.crewexport.spi.SinkResult;
import io.crewexport.spi.SinkWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes one export of a file sink: rows go through a {@link RowFile} into a staging file, which
 * commit makes durable and publishes with {@link PartitionFiles}; abort deletes it.
 *
 * <pre>{@code
 * public SinkWriter open(ReportSchema schema, ExportTarget target) {
 *   PartitionFiles files = new PartitionFiles(store, partitionFolder, ".jsonl", target.runId());
 *   FilePublication publication = new FilePublication("jsonl", files, query);
 *   return StagedFileWriter.open(schema, target, publication, JsonLinesFile::new);
 * }
 * }</pre>
 *
 * <p>Every failure becomes a {@code SINK_FAILED} exception naming the sink, the file and the
 * export; a row that does not fit the schema an {@link IllegalArgumentException} naming the column.
 */
public final class StagedFileWriter extends AbstractSinkWriter {
  private final ReportSchema schema;
  private final ExportTarget target;
  private final FilePublication publication;
  private final OutputStream staging;
  private final RowFile file;

  private StagedFileWriter(
      ReportSchema schema,
      ExportTarget target,
      FilePublication publication,
      OutputStream staging,
      RowFile file) {
    this.schema = schema;
    this.target = target;
    this.publication = publication;
    this.staging = staging;
    this.file = file;
  }

  /**
   * Removes staging leftovers of earlier runs, opens this export's staging file and starts {@code
   * format} on it.
   *
   * @throws CrewexportException {@code SINK_FAILED} if that fails; nothing is left behind then
   */
  public static SinkWriter open(
      ReportSchema schema,
      ExportTarget target,
      FilePublication publication,
      RowFile.Format format) {
    requireNonNull(schema, "schema");
    requireNonNull(target, "target");
    requireNonNull(format, "format");
    PartitionFiles files = publication.files();
    OutputStream staging = null;
    try {
      staging = files.openStaging();
      RowFile file = format.start(new FlushOnClose(staging));
      return new StagedFileWriter(schema, target, publication, staging, file);
    } catch (IOException | RuntimeException e) {
      closeQuietly(staging);
      try {
        files.discard();
      } catch (IOException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw failed(publication, target, "create", e);
    }
  }

  @Override
  protected void append(Row row) {
    row.requireFits(schema);
    try {
      file.write(row);
    } catch (IOException | UncheckedIOException e) {
      throw failed(publication, target, "write", e);
    }
  }

  @Override
  protected SinkResult publish(long rows) {
    PartitionFiles files = publication.files();
    try {
      file.finish();
      files.store().sync(staging);
      staging.close();
      String published = files.publish();
      return new SinkResult(rows, files.folder(), List.of(published), publication.query());
    } catch (IOException | RuntimeException e) {
      throw failed(publication, target, "publish", e);
    }
  }

  @Override
  protected void discard() {
    file.release();
    closeQuietly(staging);
    try {
      publication.files().discard();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void closeQuietly(OutputStream staging) {
    try {
      if (staging != null) {
        staging.close();
      }
    } catch (IOException e) {
      // Only on the way to deleting the file: a failure to flush it does not matter.
    }
  }

  private static CrewexportException failed(
      FilePublication publication, ExportTarget target, String action, Exception cause) {
    Throwable reason =
        cause instanceof UncheckedIOException unchecked ? unchecked.getCause() : cause;
    return new CrewexportException(
        ErrorCode.SINK_FAILED,
        "The "
            + publication.sinkName()
            + " sink could not "
            + action
            + " "
            + publication.files().stagingPath()
            + " for "
            + target.describe()
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
  private static final class FlushOnClose extends FilterOutputStream {
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
