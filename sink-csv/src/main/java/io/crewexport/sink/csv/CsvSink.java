package io.crewexport.sink.csv;

import static java.util.Objects.requireNonNull;

import io.crewexport.schema.ReportSchema;
import io.crewexport.spi.ExportTarget;
import io.crewexport.spi.ReportSink;
import io.crewexport.spi.SinkWriter;
import io.crewexport.spi.files.LocalFileStore;
import io.crewexport.spi.files.PartitionFiles;
import io.crewexport.spi.files.StagedFileWriter;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Set;

/**
 * Writes each export as one CSV file in its partition folder:
 *
 * <pre>{@code
 * <outputRoot>/csv/<reportId>/start_date=2024-01-01/end_date=2024-12-31/part-<runId>.csv
 * <outputRoot>/csv/<reportId>/snapshot_date=2024-12-04/part-<runId>.csv      (no period asked)
 * }</pre>
 *
 * <p>Files follow RFC 4180: UTF-8 without a byte order mark, comma separated, records ended by
 * CRLF, and a field quoted only when it holds a comma, a quote or a line break. The first record
 * holds the vendor's headings. A missing value is an empty field, while an empty text is written
 * {@code ""}, so readers that care (DuckDB with {@code allow_quoted_nulls = false}, PostgreSQL) can
 * tell the two apart. Numbers are written without exponent where that stays short, dates as {@code
 * 2024-01-31}, booleans as {@code true}/{@code false}.
 *
 * <p>Options, read from {@link ExportTarget#options()}:
 *
 * <ul>
 *   <li>{@code csv.header}: {@code headings} (default) or {@code names}, the safe column names;
 *   <li>{@code csv.gzip}: {@code true} to write {@code part-<runId>.csv.gz}; default {@code false}.
 * </ul>
 *
 * <pre>{@code
 * ReportSink sink = new CsvSink();
 * try (SinkWriter writer = sink.open(schema, target)) {
 *   rows.forEach(writer::write);
 *   SinkResult result = writer.commit();
 * }
 * }</pre>
 *
 * <p>Beside each file, {@code part-<runId>.csv.meta.json} holds the export's lineage: report id,
 * period (or snapshot date), extraction time, tool version, schema fingerprint, and each column's
 * safe name, vendor heading and type (see {@link CsvSidecar}). It is published together with the
 * file and replaced with it.
 *
 * <p>When a column's type has widened since an earlier export of the report, or the report gained
 * columns, the commit rewrites the files of the report's other partitions whose sidecar records
 * narrower types, with the export's schema, and publishes them together with the export, so a glob
 * over every partition reads one type per column (see {@link io.crewexport.spi.files.Widening} for
 * how values convert). A file without a sidecar (written by an earlier version) is left as it is.
 *
 * <p>A commit publishes the file by rename and replaces, at once, the files of its own partition
 * and of the report's partitions whose period lies inside its own; a stored period that overlaps
 * the export's without lying inside it makes the export fail unless {@code allow-overlap=true} (see
 * {@link io.crewexport.spi.PeriodReplacement} and {@link io.crewexport.spi.files.PartitionFiles}).
 *
 * <p>Limitations: the output root must be a local folder or a {@code file:} URI. Switching {@code
 * csv.gzip} between runs keeps the other kind of file in the partitions not exported since, and a
 * glob for one ending does not read the other.
 */
public final class CsvSink implements ReportSink {
  static final String NAME = "csv";

  private final LocalFileStore store = new LocalFileStore();

  /** A CSV sink; it keeps no state between exports. */
  @Inject
  public CsvSink() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<String> optionKeys() {
    return Set.of(CsvOptions.HEADER, CsvOptions.GZIP);
  }

  /** Reads the options and the output root, so that a wrong one fails before the download ends. */
  @Override
  public void prepare(ExportTarget target) {
    requireNonNull(target, "target");
    CsvOptions.from(target);
    LocalOutputRoot.resolve(target);
  }

  @Override
  public SinkWriter open(ReportSchema schema, ExportTarget target) {
    requireNonNull(schema, "schema");
    requireNonNull(target, "target");
    CsvOptions options = CsvOptions.from(target);
    Path reportFolder = LocalOutputRoot.resolve(target).resolve(NAME).resolve(target.reportId());

    PartitionFiles files =
        new PartitionFiles(store, reportFolder.toString(), target, options.suffix(), NAME);
    return StagedFileWriter.open(
        schema, files, query(reportFolder, target, options), new CsvFormat(options));
  }

  /**
   * A DuckDB query over every partition of the report of the export's kind (periods, or snapshots:
   * a glob over both fails, their folders having other keys), null and empty text kept apart.
   */
  private static String query(Path reportFolder, ExportTarget target, CsvOptions options) {
    String glob = reportFolder + "/" + target.partitionGlob() + "/*" + options.suffix();
    return "SELECT * FROM read_csv('"
        + glob.replace("'", "''")
        + "', hive_partitioning = true, header = true, allow_quoted_nulls = false)";
  }
}
