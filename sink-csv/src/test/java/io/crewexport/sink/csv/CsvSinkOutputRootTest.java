package io.crewexport.sink.csv;

import static io.crewexport.sink.csv.SampleReport.SCHEMA;
import static io.crewexport.sink.csv.SampleReport.target;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crewexport.CrewexportException;
import io.crewexport.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Output roots the CSV sink cannot write; the sink contract test covers the rest. */
final class CsvSinkOutputRootTest {
  @TempDir Path root;

  private final CsvSink sink = new CsvSink();

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
}
