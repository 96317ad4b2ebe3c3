package io.crewexport.sink.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crewexport.CrewexportException;
import io.crewexport.ErrorCode;
import io.crewexport.sink.csv.CsvOptions.Header;
import io.crewexport.testing.SampleReport;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class CsvOptionsTest {

  @Test
  void defaultsToHeadingsAndNoCompression() {
    CsvOptions options = CsvOptions.from(SampleReport.target("/lake", "r1", Map.of()));

    assertThat(options).isEqualTo(new CsvOptions(Header.HEADINGS, false));
    assertThat(options.suffix()).isEqualTo(".csv");
  }

  @Test
  void readsNamespacedKeysInAnyCase() {
    CsvOptions options =
        CsvOptions.from(
            SampleReport.target(
                "/lake", "r1", Map.of("csv.header", "Names", "csv.gzip", " TRUE ")));

    assertThat(options).isEqualTo(new CsvOptions(Header.NAMES, true));
    assertThat(options.suffix()).isEqualTo(".csv.gz");
    assertThat(CsvOptions.HEADER).isEqualTo("csv.header");
    assertThat(CsvOptions.GZIP).isEqualTo("csv.gzip");
  }

  @Test
  void refusesAnUnknownValueNamingTheKeyAndTheChoices() {
    assertThatThrownBy(
            () -> CsvOptions.from(SampleReport.target("/lake", "r1", Map.of("csv.gzip", "yes"))))
        .isInstanceOfSatisfying(
            CrewexportException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION))
        .hasMessageContaining("csv.gzip")
        .hasMessageContaining("oneonone.summary")
        .hasMessageContaining("'yes'")
        .hasMessageContaining("false or true");
  }

  @Test
  void theSinkRefusesAnUnknownValueInPrepareBeforeTheDownloadEnds() {
    assertThatThrownBy(
            () ->
                new CsvSink()
                    .prepare(SampleReport.target("/lake", "r1", Map.of("csv.gzip", "yes"))))
        .isInstanceOf(CrewexportException.class)
        .hasMessageContaining("csv.gzip");
  }
}
