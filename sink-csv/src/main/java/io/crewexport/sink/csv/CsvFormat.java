package io.crewexport.sink.csv;

import static java.nio.charset.StandardCharsets.UTF_8;

import de.siegmar.fastcsv.reader.CsvReader;
import io.crewexport.schema.ReportSchema;
import io.crewexport.spi.ExportTarget;
import io.crewexport.spi.Row;
import io.crewexport.spi.files.RewritableFormat;
import io.crewexport.spi.files.RowFile;
import io.crewexport.spi.files.StoredFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * The CSV file format with its {@link CsvSidecar}, which records each file's types, so the files it
 * published can be read back, typed, for a rewrite. Reads one record at a time.
 */
final class CsvFormat implements RewritableFormat {
  private final CsvOptions options;

  CsvFormat(CsvOptions options) {
    this.options = options;
  }

  @Override
  public RowFile start(
      OutputStream out, String stagingPath, ReportSchema schema, ExportTarget target)
      throws IOException {
    return CsvFile.start(out, schema, options);
  }

  @Override
  public Optional<StoredFile> describe(String path) throws IOException {
    return CsvSidecar.read(Path.of(path + CsvSidecar.SUFFIX));
  }

  @Override
  public void read(String path, StoredFile file, RowConsumer rows) throws IOException {
    ReportSchema schema = file.schema();
    InputStream in = Files.newInputStream(Path.of(path));
    if (path.endsWith(".gz")) {
      in = new GZIPInputStream(in, 64 * 1024);
    }
    try (CsvReader<Row> csv =
        CsvReader.builder().build(new TypedRecords(schema), new InputStreamReader(in, UTF_8))) {
      Iterator<Row> records = csv.iterator();
      if (records.hasNext()) {
        records.next(); // the header
      }
      while (records.hasNext()) {
        rows.accept(records.next());
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  @Override
  public Optional<String> sidecarSuffix() {
    return Optional.of(CsvSidecar.SUFFIX);
  }

  @Override
  public byte[] sidecar(ReportSchema schema, ExportTarget target) {
    return CsvSidecar.of(schema, target);
  }
}
