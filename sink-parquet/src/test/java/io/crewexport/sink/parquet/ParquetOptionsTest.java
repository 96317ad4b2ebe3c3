package io.crewexport.sink.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crewexport.CrewexportException;
import io.crewexport.ErrorCode;
import io.crewexport.testing.SampleReport;
import java.util.Map;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;

final class ParquetOptionsTest {

  @Test
  void defaultsToSnappyAndSixtyFourMebibyteRowGroups() {
    ParquetOptions options = ParquetOptions.from(SampleReport.target("/lake", "r1", Map.of()));

    assertThat(options).isEqualTo(new ParquetOptions(CompressionCodecName.SNAPPY, 64L << 20));
  }

  @Test
  void readsNamespacedKeys() {
    ParquetOptions options =
        ParquetOptions.from(
            SampleReport.target(
                "/lake",
                "r1",
                Map.of("parquet.codec", " ZSTD ", "parquet.row-group-bytes", "1048576")));

    assertThat(options).isEqualTo(new ParquetOptions(CompressionCodecName.ZSTD, 1L << 20));
    assertThat(ParquetOptions.CODEC).isEqualTo("parquet.codec");
    assertThat(ParquetOptions.ROW_GROUP_BYTES).isEqualTo("parquet.row-group-bytes");
  }

  @Test
  void refusesAnUnknownCodecNamingTheChoices() {
    assertThatThrownBy(
            () ->
                ParquetOptions.from(
                    SampleReport.target("/lake", "r1", Map.of("parquet.codec", "lzo"))))
        .isInstanceOfSatisfying(
            CrewexportException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION))
        .hasMessageContaining("parquet.codec")
        .hasMessageContaining("oneonone.summary")
        .hasMessageContaining("'lzo'")
        .hasMessageContaining("snappy, zstd, gzip or none");
  }

  @Test
  void refusesARowGroupSizeOutsideTheRangeNamingIt() {
    for (String value : new String[] {"64MB", "1024", "4294967296"}) {
      assertThatThrownBy(
              () ->
                  ParquetOptions.from(
                      SampleReport.target("/lake", "r1", Map.of("parquet.row-group-bytes", value))))
          .isInstanceOf(CrewexportException.class)
          .hasMessageContaining("parquet.row-group-bytes")
          .hasMessageContaining("'" + value + "'")
          .hasMessageContaining("from 65536 to 1073741824");
    }
  }
}
