package io.crewexport.sink.csv;

import static io.crewexport.testing.SampleReport.SCHEMA;
import static io.crewexport.testing.SampleReport.target;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crewexport.CrewexportException;
import io.crewexport.ErrorCode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Output roots the CSV sink cannot use; the sink contract test covers the rest. */
final class CsvSinkOutputRootTest {
  private final CsvSink sink = new CsvSink();

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
