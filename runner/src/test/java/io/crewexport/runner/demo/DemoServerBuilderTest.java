package io.crewexport.runner.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

final class DemoServerBuilderTest {

  @Test
  void listensOnLoopbackAtFreePortByDefault() throws IOException {
    try (DemoServer server =
        DemoServer.builder("id", "secret").report(SampleReport.load()).build().start()) {
      assertThat(server.baseUrl()).matches("http://127\\.0\\.0\\.1:\\d+");
      assertThat(server.port()).isPositive();
    }
  }

  @Test
  void showcaseServesSampleAndGeneratedReportThatTakesJobPath() {
    DemoServer server = DemoServer.showcase("id", "secret").build();

    assertThat(server.reportIds()).containsExactly("oneonone.summary", "people.directory");
    assertThat(GeneratedReport.people().generationTime())
        .isGreaterThan(DemoTimings.demo().jobThreshold());
  }

  @Test
  void refusesTwoReportsWithOneId() {
    DemoServerBuilder builder = DemoServer.builder("id", "secret").report(SampleReport.load());

    assertThatThrownBy(() -> builder.report(SampleReport.load()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'oneonone.summary' is already served");
  }

  @Test
  void refusesReportIdThatCannotAppearInUrl() {
    DemoReport report = new GeneratedReport("people/all", 1, 1, Duration.ZERO);

    assertThatThrownBy(() -> DemoServer.builder("id", "secret").report(report))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("letters, digits, dots, dashes and underscores");
  }

  @Test
  void refusesServerWithoutReports() {
    assertThatThrownBy(() -> DemoServer.builder("id", "secret").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("report(SampleReport.load())");
  }

  @Test
  void refusesBlankSecret() {
    assertThatThrownBy(() -> DemoServer.builder("id", " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("client id and secret");
  }

  @Test
  void explainsThatBaseUrlNeedsStart() {
    DemoServer server = DemoServer.builder("id", "secret").report(SampleReport.load()).build();

    assertThatThrownBy(server::baseUrl)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("call start() first");
  }

  @Test
  void refusesJobExpiryNotLongerThanThreshold() {
    assertThatThrownBy(
            () ->
                new DemoTimings(
                    Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofMinutes(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be longer than jobThreshold");
  }

  @Test
  void demoTimingsKeepTheShowcaseShort() {
    DemoTimings demo = DemoTimings.demo();

    assertThat(demo.jobThreshold()).isEqualTo(Duration.ofSeconds(1));
    assertThat(demo.jobExpiry()).isEqualTo(Duration.ofSeconds(20));
    assertThat(DemoTimings.vendor().jobThreshold()).isEqualTo(Duration.ofSeconds(30));
    assertThat(DemoTimings.vendor().jobExpiry()).isEqualTo(Duration.ofMinutes(10));
    assertThat(DemoTimings.vendor().tokenLifetime()).isEqualTo(Duration.ofMinutes(30));
  }
}
