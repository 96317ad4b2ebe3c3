package io.crewexport.sink.parquet;

import static io.crewexport.testing.ContractReport.JANUARY;
import static io.crewexport.testing.ContractReport.JANUARY_TO_THE_15TH;
import static io.crewexport.testing.ContractReport.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.crewexport.schema.ReportSchema;
import io.crewexport.spi.ExportTarget;
import io.crewexport.spi.ReportSink;
import io.crewexport.spi.Row;
import io.crewexport.spi.SinkResult;
import io.crewexport.testing.ContractReport;
import io.crewexport.testing.SinkContractTest;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.junit.jupiter.api.Test;

/**
 * The sink contract for the Parquet sink on a Hadoop file system, such as an in-process HDFS or S3:
 * each test writes below its own folder of {@link #fileSystemRoot()}, and reads the report back
 * with parquet-java over the same file system. A subclass starts the file system once per class.
 */
public abstract class HadoopParquetContractTest extends SinkContractTest {

  /** The Hadoop settings that reach the file system. */
  protected abstract Configuration configuration();

  /** A folder on the file system, such as {@code hdfs://127.0.0.1:9000/lake}. */
  protected abstract String fileSystemRoot();

  @Override
  protected ReportSink createSink() {
    return new ParquetSink(configuration());
  }

  @Override
  protected String outputRoot() {
    return fileSystemRoot() + "/" + outputFolder.getFileName();
  }

  /** Reads every published file of the report, as a glob over its folder would find them. */
  @Override
  protected List<Row> readReport(ReportSchema schema, ExportTarget target) {
    List<Row> rows = new ArrayList<>();
    for (String file : files(reportFolder(target)).keySet()) {
      String name = file.substring(file.lastIndexOf('/') + 1);
      if (name.startsWith("part-") && name.endsWith(".parquet")) {
        String path = reportFolder(target) + "/" + file;
        rows.addAll(ParquetFiles.rows(ParquetFiles.hadoop(path, configuration()), schema));
      }
    }
    return rows;
  }

  /** Every file of the sink's folder, hidden ones included, with a digest of its bytes. */
  @Override
  protected Object storedState(ExportTarget target) {
    return files(target.outputRoot() + "/parquet");
  }

  @Test
  void footerOnTheFileSystemCarriesTheLineage() {
    SinkResult result = export(target(JANUARY, "run-1"), rows("january", 3));

    Map<String, String> footer =
        ParquetFiles.footer(ParquetFiles.hadoop(result.files().get(0), configuration()));

    assertThat(footer)
        .containsEntry("crewexport.report_id", ContractReport.REPORT_ID)
        .containsEntry("crewexport.period_start", "2024-01-01")
        .containsEntry("crewexport.period_end", "2024-01-31")
        .containsEntry("crewexport.extracted_at", ContractReport.EXTRACTED_AT.toString());
  }

  @Test
  void replacingAPartitionLeavesOnlyTheNewFile() {
    export(target(JANUARY_TO_THE_15TH, "run-1"), rows("month-to-date", 3));
    export(target(JANUARY, "run-2"), rows("january", 2));

    SinkResult result = export(target(JANUARY, "run-3"), rows("again", 4));

    String report = reportFolder(target(JANUARY, "run-3"));
    assertThat(files(report).keySet())
        .containsExactly("start_date=2024-01-01/end_date=2024-01-31/part-run-3.parquet");
    assertThat(result.files()).containsExactly(report + "/" + files(report).firstKey());
    assertThat(readReport(ContractReport.SCHEMA, target(JANUARY, "reader")))
        .containsExactlyInAnyOrderElementsOf(rows("again", 4));
  }

  private static String reportFolder(ExportTarget target) {
    return target.outputRoot() + "/parquet/" + target.reportId();
  }

  /** The files below {@code folder} by relative path, each with the SHA-256 of its bytes. */
  private TreeMap<String, String> files(String folder) {
    TreeMap<String, String> files = new TreeMap<>();
    try {
      Path root = new Path(folder);
      FileSystem fileSystem = root.getFileSystem(configuration());
      String prefix = fileSystem.makeQualified(root).toUri().getPath() + "/";
      RemoteIterator<LocatedFileStatus> statuses = fileSystem.listFiles(root, true);
      while (statuses.hasNext()) {
        Path file = statuses.next().getPath();
        files.put(file.toUri().getPath().substring(prefix.length()), sha256(fileSystem, file));
      }
    } catch (FileNotFoundException e) {
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  private static String sha256(FileSystem fileSystem, Path file) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
    try (InputStream in = new DigestInputStream(fileSystem.open(file), digest)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
