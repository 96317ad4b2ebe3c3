package io.crewexport.sink.parquet;

import static io.crewexport.sink.parquet.SampleReport.ROWS;
import static io.crewexport.sink.parquet.SampleReport.SCHEMA;
import static io.crewexport.sink.parquet.SampleReport.export;
import static io.crewexport.sink.parquet.SampleReport.target;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crewexport.CrewexportException;
import io.crewexport.ErrorCode;
import io.crewexport.spi.ExportTarget;
import io.crewexport.spi.SinkResult;
import io.crewexport.testing.FileTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the Parquet sink treats its output root; the sink contract test covers the rest. */
final class ParquetSinkOutputRootTest {
  @TempDir Path root;

  private final ParquetSink sink = new ParquetSink();

  @Test
  void unwritableOutputRootFailsNamingReportPeriodPathAndWhatToDo() throws IOException {
    Path notAFolder = Files.writeString(root.resolve("lake"), "a file, not a folder");

    assertThatThrownBy(() -> sink.open(SCHEMA, target(notAFolder, "r1")))
        .isInstanceOfSatisfying(
            CrewexportException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SINK_FAILED))
        .hasMessageContaining("oneonone.summary [2024-01-01..2024-12-31]")
        .hasMessageContaining(notAFolder.resolve("parquet/oneonone.summary").toString())
        .hasMessageContaining("run the export again");
  }

  @Test
  void outputRootOnAnUnknownFileSystemIsRefusedWithTheFix() {
    ExportTarget target = target("nosuch://bucket/lake", "r1", Map.of());

    assertThatThrownBy(() -> sink.open(SCHEMA, target))
        .isInstanceOfSatisfying(
            CrewexportException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION))
        .hasMessageContaining("'nosuch://bucket/lake'")
        .hasMessageContaining("oneonone.summary [2024-01-01..2024-12-31]")
        .hasMessageContaining("No FileSystem for scheme")
        .hasMessageContaining("core-site.xml")
        .hasMessageContaining("hadoop-aws");
  }

  @Test
  void localWriteCreatesNoChecksumFiles() {
    SinkResult result = export(sink, target(root, "r1"), ROWS);

    assertThat(FileTree.files(root)).containsExactly(Path.of(result.files().get(0)));
  }
}
