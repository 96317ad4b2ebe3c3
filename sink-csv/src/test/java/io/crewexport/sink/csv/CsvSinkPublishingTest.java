package io.crewexport.sink.csv;

import static io.crewexport.sink.csv.SampleReport.ROWS;
import static io.crewexport.sink.csv.SampleReport.SCHEMA;
import static io.crewexport.sink.csv.SampleReport.export;
import static io.crewexport.sink.csv.SampleReport.target;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crewexport.CrewexportException;
import io.crewexport.ErrorCode;
import io.crewexport.spi.Row;
import io.crewexport.spi.SinkResult;
import io.crewexport.spi.SinkWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class CsvSinkPublishingTest {
  @TempDir Path root;

  private final CsvSink sink = new CsvSink();

  @Test
  void rerunOfTheSamePeriodReplacesTheEarlierExport() throws IOException, SQLException {
    export(sink, target(root, "r1"), ROWS);

    SinkResult second = export(sink, target(root, "r2"), ROWS);

    assertThat(filesUnder(root)).containsExactly(Path.of(second.files().get(0)));
    assertThat(DuckDb.query("SELECT count(*) FROM (" + second.query() + ")").rows())
        .containsExactly(List.of(4L));
  }

  @Test
  void abortAfterSomeRowsLeavesTheEarlierExportByteIdentical() throws IOException {
    Path earlier = Path.of(export(sink, target(root, "r1"), ROWS).files().get(0));
    byte[] before = Files.readAllBytes(earlier);

    SinkWriter writer = sink.open(SCHEMA, target(root, "r2"));
    writer.write(ROWS.get(0));
    writer.write(ROWS.get(1));
    writer.abort();

    assertThat(filesUnder(root)).containsExactly(earlier);
    assertThat(Files.readAllBytes(earlier)).isEqualTo(before);
  }

  @Test
  void closeWithoutCommitLeavesNothingVisible() throws IOException {
    try (SinkWriter writer = sink.open(SCHEMA, target(root, "r1"))) {
      writer.write(ROWS.get(0));
    }

    assertThat(filesUnder(root)).isEmpty();
  }

  @Test
  void writeAfterCommitIsRefused() {
    SinkWriter writer = sink.open(SCHEMA, target(root, "r1"));
    writer.commit();

    assertThatThrownBy(() -> writer.write(ROWS.get(0)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("committed");
  }

  @Test
  void rowThatDoesNotFitTheSchemaIsRefusedNamingTheColumn() {
    try (SinkWriter writer = sink.open(SCHEMA, target(root, "r1"))) {
      Row wrong = Row.of(1L, "a", "b", "4.5", true, null);

      assertThatThrownBy(() -> writer.write(wrong))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("column score is DOUBLE")
          .hasMessageContaining("java.lang.String");
    }
  }

  @Test
  void unwritableOutputRootFailsNamingReportPeriodPathAndWhatToDo() throws IOException {
    Path notAFolder = Files.writeString(root.resolve("lake"), "a file, not a folder");

    assertThatThrownBy(() -> sink.open(SCHEMA, target(notAFolder, "r1")))
        .isInstanceOfSatisfying(
            CrewexportException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SINK_FAILED))
        .hasMessageContaining("oneonone.summary [2024-01-01..2024-12-31]")
        .hasMessageContaining(notAFolder.resolve("csv/oneonone.summary").toString())
        .hasMessageContaining("run the export again");
  }

  @Test
  void outputRootOnAnotherFileSystemIsRefusedWithTheFix() {
    assertThatThrownBy(() -> sink.open(SCHEMA, target("hdfs://namenode/lake", "r1", Map.of())))
        .isInstanceOfSatisfying(
            CrewexportException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION))
        .hasMessageContaining("hdfs://namenode/lake")
        .hasMessageContaining("local folders only")
        .hasMessageContaining("parquet sink");
  }

  /** Every file below {@code folder}, hidden ones included. */
  static List<Path> filesUnder(Path folder) throws IOException {
    try (Stream<Path> paths = Files.walk(folder)) {
      return paths.filter(Files::isRegularFile).sorted().toList();
    }
  }
}
