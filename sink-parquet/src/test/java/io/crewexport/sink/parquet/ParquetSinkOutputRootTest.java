package io.crewexport.sink.parquet;

import static io.crewexport.testing.SampleReport.SCHEMA;
import static io.crewexport.testing.SampleReport.target;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crewexport.CrewexportException;
import io.crewexport.ErrorCode;
import io.crewexport.spi.ExportTarget;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Output roots the Parquet sink cannot use; the sink contract test covers the rest. */
final class ParquetSinkOutputRootTest {
  private final ParquetSink sink = new ParquetSink();

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
  void s3aOutputRootWithoutThePluginJarIsRefusedNamingIt() {
    ExportTarget target = target("s3a://bucket/lake", "r1", Map.of());

    assertThatThrownBy(() -> sink.open(SCHEMA, target))
        .isInstanceOfSatisfying(
            CrewexportException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION))
        .hasMessageContaining("'s3a://bucket/lake'")
        .hasMessageContaining("S3AFileSystem not found")
        .hasMessageContaining("crewexport-sink-parquet-s3 plugin jar");
  }
}
