package io.crewexport.sink.csv;

import static java.nio.charset.StandardCharsets.UTF_8;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import de.siegmar.fastcsv.writer.QuoteStrategies;
import io.crewexport.schema.ReportSchema;
import io.crewexport.spi.AbstractSinkWriter;
import io.crewexport.spi.ExportTarget;
import io.crewexport.spi.Row;
import io.crewexport.spi.SinkResult;
import io.crewexport.spi.files.PartitionFiles;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Streams one export's rows into a staging CSV file and publishes it on commit. */
final class CsvSinkWriter extends AbstractSinkWriter {
  private static final int GZIP_BUFFER_BYTES = 64 * 1024;

  private final ReportSchema schema;
  private final ExportTarget target;
  private final Publication publication;
  private final OutputStream staging;
  private final CsvWriter csv;

  private CsvSinkWriter(
      ReportSchema schema,
      ExportTarget target,
      Publication publication,
      OutputStream staging,
      CsvWriter csv) {
    this.schema = schema;
    this.target = target;
    this.publication = publication;
    this.staging = staging;
    this.csv = csv;
  }

  /** Opens the staging file and writes the header record. */
  static CsvSinkWriter open(
      ReportSchema schema, ExportTarget target, CsvOptions options, Publication publication) {
    PartitionFiles files = publication.files();
    OutputStream staging = null;
    try {
      staging = files.openStaging();
      OutputStream body =
          options.gzip() ? new GZIPOutputStream(staging, GZIP_BUFFER_BYTES) : staging;
      CsvWriter csv =
          CsvWriter.builder()
              .lineDelimiter(LineDelimiter.CRLF)
              .quoteStrategy(QuoteStrategies.EMPTY)
              .build(body, UTF_8);
      csv.writeRecord(
          options.header() == CsvOptions.Header.NAMES ? schema.names() : schema.headings());
      return new CsvSinkWriter(schema, target, publication, staging, csv);
    } catch (IOException | UncheckedIOException e) {
      closeQuietly(staging);
      deleteQuietly(files, e);
      throw Failures.sinkFailed(target, "create", files.stagingPath(), e);
    }
  }

  @Override
  protected void append(Row row) {
    row.requireFits(schema);
    try {
      CsvWriter.CsvWriterRecord record = csv.writeRecord();
      for (int i = 0; i < row.size(); i++) {
        record.writeField(CsvValues.format(row.get(i)));
      }
      record.endRecord();
    } catch (UncheckedIOException e) {
      throw Failures.sinkFailed(target, "write", publication.files().stagingPath(), e);
    }
  }

  @Override
  protected SinkResult publish(long rows) {
    PartitionFiles files = publication.files();
    try {
      csv.close();
      forceToDisk(Path.of(files.stagingPath()));
      String published = files.publish();
      return new SinkResult(rows, publication.location(), List.of(published), publication.query());
    } catch (IOException | UncheckedIOException e) {
      throw Failures.sinkFailed(target, "publish", files.stagingPath(), e);
    }
  }

  @Override
  protected void discard() {
    // The staging file is deleted next, so a failure to flush it does not matter; closing the raw
    // stream as well releases the file even when the writer chain failed half-way.
    closeQuietly(csv);
    closeQuietly(staging);
    try {
      publication.files().discard();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Makes the closed staging file durable before the rename publishes it. */
  private static void forceToDisk(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
  }

  private static void closeQuietly(Closeable closeable) {
    if (closeable == null) {
      return;
    }
    try {
      closeable.close();
    } catch (IOException | UncheckedIOException e) {
      // Only called on the way to deleting the file or reporting another failure.
    }
  }

  private static void deleteQuietly(PartitionFiles files, Exception failure) {
    try {
      files.discard();
    } catch (IOException e) {
      failure.addSuppressed(e);
    }
  }
}
