package io.crewexport.testing;

import static io.crewexport.testing.ContractReport.EXTRACTED_AT;
import static io.crewexport.testing.ContractReport.JANUARY;
import static io.crewexport.testing.ContractReport.JANUARY_TO_THE_15TH;
import static io.crewexport.testing.ContractReport.REPORT_ID;
import static io.crewexport.testing.ContractReport.SCHEMA;
import static io.crewexport.testing.ContractReport.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crewexport.CrewexportException;
import io.crewexport.ErrorCode;
import io.crewexport.Period;
import io.crewexport.schema.ReportSchema;
import io.crewexport.spi.ExportTarget;
import io.crewexport.spi.Row;
import io.crewexport.spi.SinkResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The sink contract for sinks that write one file per export into hive-style partition folders on
 * the local disk, {@code <root>/<sink>/<report>/start_date=.../end_date=.../part-<run><suffix>}:
 * reads the report back with DuckDB's glob, as users do, compares every file byte for byte across a
 * failed export, and checks what the folders hold. Needs {@code org.duckdb:duckdb_jdbc} on the test
 * class path besides what {@link SinkContractTest} needs.
 *
 * <pre>{@code
 * final class JsonLinesSinkContractTest extends FileSinkContractTest {
 *   protected ReportSink createSink() { return new JsonLinesSink(); }
 *   protected String sinkFolder() { return "jsonl"; }
 *   protected String suffix() { return ".jsonl"; }
 *   protected String readQuery(String glob, ReportSchema schema) {
 *     return "SELECT * FROM read_json(" + DuckDb.literal(glob) + ", columns = "
 *         + DuckDb.columnTypes(schema) + ")";
 *   }
 * }
 * }</pre>
 */
public abstract class FileSinkContractTest extends SinkContractTest {

  /** The sink's folder below the output root, such as {@code parquet}. */
  protected abstract String sinkFolder();

  /** The ending of the files the sink publishes, such as {@code .parquet}. */
  protected abstract String suffix();

  /**
   * The endings of the sidecars the sink publishes beside each file, such as {@code .meta.json} for
   * {@code part-<run>.csv.meta.json}; none by default.
   */
  protected List<String> sidecarSuffixes() {
    return List.of();
  }

  /** A published file and its sidecars. */
  private List<Path> withSidecars(Path published) {
    List<Path> files = new java.util.ArrayList<>(List.of(published));
    sidecarSuffixes().forEach(ending -> files.add(Path.of(published + ending)));
    return files;
  }

  /**
   * A DuckDB query that reads every file {@code glob} matches and returns the report's columns in
   * the order of {@code schema}, typed as the schema says, and nothing else.
   */
  protected abstract String readQuery(String glob, ReportSchema schema);

  /** Reads every published file of the report with DuckDB's glob. */
  @Override
  protected List<Row> readReport(ReportSchema schema, ExportTarget target) {
    Path report = reportFolder(target);
    boolean published =
        FileTree.files(report).stream()
            .map(file -> file.getFileName().toString())
            .anyMatch(name -> name.startsWith("part-") && name.endsWith(suffix()));
    if (!published) {
      return List.of();
    }
    return DuckDb.query(readQuery(report + "/**/*" + suffix(), schema)).asRows();
  }

  /** Every file of the sink's folder, hidden ones included, with a digest of its bytes. */
  @Override
  protected Object storedState(ExportTarget target) {
    return FileTree.snapshot(Path.of(target.outputRoot(), sinkFolder()));
  }

  @Test
  void commitLeavesOnlyThePublishedFileNamedAfterTheRunInThePartitionFolder() {
    SinkResult result = export(target(JANUARY, "run-1"), rows("january", 3));

    Path partition = reportFolder(target(JANUARY, "run-1")).resolve(partitionOfJanuary());
    Path published = partition.resolve("part-run-1" + suffix());
    assertThat(result.location()).isEqualTo(partition.toString());
    assertThat(result.files()).containsExactly(published.toString());
    assertThat(FileTree.files(outputFolder))
        .containsExactlyInAnyOrderElementsOf(withSidecars(published));
  }

  @Test
  void stagingFileLeftByAKilledExportIsRemovedByTheNextOne() throws IOException {
    Path partition = reportFolder(target(JANUARY, "run-1")).resolve(partitionOfJanuary());
    Files.createDirectories(partition);
    Files.writeString(partition.resolve(".part-killed" + suffix() + ".staging"), "half a file");

    SinkResult result = export(target(JANUARY, "run-2"), rows("january", 3));

    assertThat(FileTree.files(outputFolder))
        .containsExactlyInAnyOrderElementsOf(withSidecars(Path.of(result.files().get(0))));
  }

  @Test
  void replacedPartitionsLeaveNoFileOrFolderBehind() {
    export(target(JANUARY_TO_THE_15TH, "run-1"), rows("month-to-date", 2));
    export(target(Period.parse("2024-01-16", "2024-01-20"), "run-1"), rows("week", 1));

    SinkResult result = export(target(JANUARY, "run-2"), rows("january", 2));

    Path report = reportFolder(target(JANUARY, "run-2"));
    assertThat(FileTree.files(outputFolder))
        .containsExactlyInAnyOrderElementsOf(withSidecars(Path.of(result.files().get(0))));
    assertThat(report.resolve("start_date=2024-01-01/end_date=2024-01-15")).doesNotExist();
    assertThat(report.resolve("start_date=2024-01-16")).doesNotExist();
  }

  @Test
  void unwritableOutputRootFailsNamingTheExportTheFolderAndWhatToDo() throws IOException {
    Path notAFolder = Files.writeString(outputFolder.resolve("lake"), "a file, not a folder");
    ExportTarget target =
        new ExportTarget(
            REPORT_ID, JANUARY, "run-1", EXTRACTED_AT, notAFolder.toString(), Map.of());

    assertThatThrownBy(() -> sink().open(SCHEMA, target))
        .isInstanceOfSatisfying(
            CrewexportException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SINK_FAILED))
        .hasMessageContaining(REPORT_ID + " [2024-01-01..2024-01-31]")
        .hasMessageContaining(notAFolder.resolve(sinkFolder()).resolve(REPORT_ID).toString())
        .hasMessageContaining("run the export again");
  }

  /** The report's folder: {@code <root>/<sink>/<report>}. */
  protected final Path reportFolder(ExportTarget target) {
    return Path.of(target.outputRoot(), sinkFolder(), target.reportId());
  }

  private static String partitionOfJanuary() {
    return "start_date=2024-01-01/end_date=2024-01-31";
  }
}
