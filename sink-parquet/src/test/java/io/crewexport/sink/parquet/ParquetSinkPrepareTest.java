package io.crewexport.sink.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crewexport.CrewexportException;
import io.crewexport.ErrorCode;
import io.crewexport.testing.SampleReport;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ParquetSinkPrepareTest {
  @TempDir Path root;

  private final ParquetSink sink = new ParquetSink();

  @Test
  void preparesEveryCodecItOffersWithoutWritingAnything() {
    for (String codec : new String[] {"snappy", "zstd", "gzip", "none"}) {
      sink.prepare(SampleReport.target(root.toString(), "r1", Map.of("parquet.codec", codec)));
    }

    assertThat(root).isEmptyDirectory();
  }

  @Test
  void refusesAnUnknownCodecBeforeTheDownloadEnds() {
    assertThatThrownBy(
            () ->
                sink.prepare(
                    SampleReport.target(root.toString(), "r1", Map.of("parquet.codec", "lzo"))))
        .isInstanceOfSatisfying(
            CrewexportException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION))
        .hasMessageContaining("parquet.codec");
  }

  @Test
  void refusesAFileSystemMissingFromTheClassPathNamingTheRoot() {
    assertThatThrownBy(() -> sink.prepare(SampleReport.target("nosuchfs://lake/x", "r1", Map.of())))
        .isInstanceOfSatisfying(
            CrewexportException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION))
        .hasMessageContaining("nosuchfs://lake/x")
        .hasMessageContaining("oneonone.summary");
  }
}
