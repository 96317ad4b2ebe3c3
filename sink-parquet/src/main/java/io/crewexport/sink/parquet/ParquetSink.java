package io.crewexport.sink.parquet;

import static java.util.Objects.requireNonNull;

import io.crewexport.CrewexportException;
import io.crewexport.ErrorCode;
import io.crewexport.schema.ReportSchema;
import io.crewexport.spi.ExportTarget;
import io.crewexport.spi.ReportSink;
import io.crewexport.spi.SinkWriter;
import io.crewexport.spi.files.PartitionFiles;
import io.crewexport.spi.files.StagedFileWriter;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;

/**
 * Writes each export as one Parquet file in its partition folder, locally or on a Hadoop file
 * system:
 *
 * <pre>{@code
 * <outputRoot>/parquet/<reportId>/start_date=2024-01-01/end_date=2024-12-31/part-<runId>.parquet
 * <outputRoot>/parquet/<reportId>/snapshot_date=2024-12-04/part-<runId>.parquet   (no period)
 * }</pre>
 *
 * <p>The output root is a local folder or a {@code file:} URI, written with {@code java.nio} (no
 * {@code .crc} files, no Hadoop native library or {@code HADOOP_HOME} needed), or an {@code
 * hdfs://}, {@code s3a://} or other Hadoop URI, written through the Hadoop file system of its
 * scheme as configured by the Hadoop settings on the class path. Columns are named by their safe
 * names and are all optional: text as {@code STRING}, whole numbers as {@code INT64}, decimals as
 * {@code DOUBLE}, booleans, and dates as {@code INT32} with the {@code DATE} logical type. The
 * vendor headings, report id, period, extraction time, schema fingerprint and tool version travel
 * in the footer's key-value metadata under {@code crewexport.*} keys.
 *
 * <p>Options, read from {@link ExportTarget#options()}:
 *
 * <ul>
 *   <li>{@code parquet.codec}: {@code snappy} (default), {@code zstd}, {@code gzip} or {@code
 *       none};
 *   <li>{@code parquet.row-group-bytes}: the row group size, 64 MiB by default. Each open export
 *       holds up to one row group in memory.
 * </ul>
 *
 * <pre>{@code
 * ReportSink sink = new ParquetSink();
 * try (SinkWriter writer = sink.open(schema, target)) {
 *   rows.forEach(writer::write);
 *   SinkResult result = writer.commit();
 * }
 * }</pre>
 *
 * <p>When a column's type has widened since an earlier export of the report (see {@link
 * io.crewexport.schema.ColumnType}), or the report gained columns, the commit rewrites the files of
 * the report's other partitions that hold the narrower types, with the export's schema, and
 * publishes them together with the export, so a glob over every partition reads one type per column
 * (see {@link io.crewexport.spi.files.Widening} for how values convert). The types come from each
 * file's own schema. A rewrite streams one row group at a time.
 *
 * <p>A commit replaces, at once, the files of its own partition and of the report's partitions
 * whose period lies inside its own; a stored period that overlaps the export's without lying inside
 * it makes the export fail unless {@code allow-overlap=true} (see {@link
 * io.crewexport.spi.PeriodReplacement} and {@link io.crewexport.spi.files.PartitionFiles}).
 *
 * <p>How long old and new files coexist while a commit replaces them: on the local disk and HDFS,
 * never. The commit renames each replaced file to a hidden name, then the new file into place: a
 * reader during those renames (one request each) may miss replaced rows, but never counts any
 * twice, and never sees half a file. On S3 ({@code s3a://}, which needs the {@code
 * crewexport-sink-parquet-s3} jar on the class path) rename is a copy, so the file is written under
 * its final name, appears whole when its upload completes, and the replaced files are deleted
 * after: for those few requests a reader may see both and count rows twice (see {@link
 * io.crewexport.spi.files.PartitionFiles}).
 *
 * <p>Limitations: the {@code gzip} codec goes through Hadoop's codec classes, which log a warning
 * once about Hadoop's missing native library; {@code zstd} compresses as well without it.
 */
public final class ParquetSink implements ReportSink {
  static final String NAME = "parquet";
  private static final String SUFFIX = ".parquet";

  private final Configuration conf;

  /** A sink using the Hadoop settings found on the class path ({@code core-site.xml}). */
  @Inject
  public ParquetSink() {
    this(new Configuration());
  }

  /** A sink using {@code conf} for file systems and Parquet settings; {@code conf} is copied. */
  public ParquetSink(Configuration conf) {
    this.conf = new Configuration(requireNonNull(conf, "conf"));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<String> optionKeys() {
    return Set.of(ParquetOptions.CODEC, ParquetOptions.ROW_GROUP_BYTES);
  }

  /**
   * Reads the options, resolves the output root (an unknown scheme or a file system missing from
   * the class path fails here) and compresses a few bytes with the codec, which loads it: a codec
   * whose library does not work on this machine fails before the download ends.
   */
  @Override
  public void prepare(ExportTarget target) {
    requireNonNull(target, "target");
    ParquetOptions options = ParquetOptions.from(target);
    Configuration exportConf = new Configuration(conf);
    OutputRoot.resolve(target, exportConf);
    try {
      ColumnsWriter.tryCodec(options.codec(), exportConf);
    } catch (IOException | RuntimeException | LinkageError e) {
      throw new CrewexportException(
          ErrorCode.SINK_FAILED,
          "The parquet sink cannot compress with "
              + options.codec()
              + " on this machine for "
              + target.describe()
              + ": "
              + e
              + ". Set "
              + ParquetOptions.CODEC
              + " to another codec (snappy, zstd, gzip or none), or free the temporary folder its"
              + " native library unpacks into; nothing was written.",
          e);
    }
  }

  @Override
  public SinkWriter open(ReportSchema schema, ExportTarget target) {
    requireNonNull(schema, "schema");
    requireNonNull(target, "target");
    ParquetOptions options = ParquetOptions.from(target);
    // Each export gets its own copy: writers may set keys on the configuration they are given.
    Configuration exportConf = new Configuration(conf);
    OutputRoot root = OutputRoot.resolve(target, exportConf);
    String reportFolder = root.resolve(NAME + "/" + target.reportId());

    PartitionFiles files = new PartitionFiles(root.store(), reportFolder, target, SUFFIX, NAME);
    return StagedFileWriter.open(
        schema,
        files,
        query(reportFolder, target),
        new ParquetFormat(root.store(), options, exportConf));
  }

  /** A DuckDB query over every partition of the report of the export's kind (see the CSV sink). */
  private static String query(String reportFolder, ExportTarget target) {
    String glob = reportFolder + "/" + target.partitionGlob() + "/*" + SUFFIX;
    return "SELECT * FROM read_parquet('"
        + glob.replace("'", "''")
        + "', hive_partitioning = true)";
  }
}
