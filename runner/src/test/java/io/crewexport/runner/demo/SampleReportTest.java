package io.crewexport.runner.demo;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

final class SampleReportTest {
  private final SampleReport sample = SampleReport.load();

  @Test
  void readsThirtyOneHeadingsWithTheDuplicateKept() {
    assertThat(sample.headings()).hasSize(31);
    assertThat(sample.headings()).filteredOn("Active Division  Teams"::equals).hasSize(2);
    assertThat(sample.headings())
        .isEqualTo(new GeneratedReport("x", 0, 0, Duration.ZERO).headings());
  }

  @Test
  void streamsThreeRowsOfThirtyOneCells() throws IOException {
    List<List<String>> rows = new ArrayList<>();

    sample.writeRows(rows::add);

    assertThat(rows).hasSize(3);
    assertThat(rows).allSatisfy(row -> assertThat(row).hasSize(31));
    assertThat(rows.get(0).get(0)).isEqualTo("Ada Moreno");
  }

  @Test
  void rendersCsvWithCrLfLikeTheVendor() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    sample.writeCsv(out);

    assertThat(out.toByteArray()).isEqualTo(sample.csvBytes());
    assertThat(new String(out.toByteArray(), UTF_8)).contains("training\r\nAda Moreno,");
  }

  @Test
  void csvFromRowsMatchesVendorBytes() throws IOException {
    DemoReport rowsOnly = new RowsOnlyReport("copy", sample, OptionalLong.empty());
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    rowsOnly.writeCsv(out);

    assertThat(out.toByteArray()).isEqualTo(sample.csvBytes());
  }
}
