package io.crewexport.bench;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.crewexport.runner.demo.DemoServer;
import io.crewexport.runner.demo.DemoTimings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

final class ServerWarmUpTest {
  @TempDir Path folder;

  @Test
  void downloadsTheSmallReportWithAFreshTokenEachRoundAndKeepsNoCopy() throws Exception {
    Path spool = folder.resolve("spool");
    Logger ours = (Logger) LoggerFactory.getLogger("io.crewexport");
    Level before = ours.getLevel();
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    ours.addAppender(logged);
    try (DemoServer server =
        DemoServer.builder("client", "s3cret")
            .report(ServerWarmUp.report(folder))
            .timings(DemoTimings.demo())
            .build()
            .start()) {
      ServerWarmUp.run(server.baseUrl(), "client", "s3cret", spool);

      DemoServer.Stats stats = server.stats();
      assertThat(stats.downloads()).isEqualTo(stats.tokensIssued()).isGreaterThan(1);
      assertThat(stats.unauthorized()).isZero();
    } finally {
      ours.detachAppender(logged);
    }
    assertThat(logged.list)
        .filteredOn(
            event -> !event.getLoggerName().startsWith("io.crewexport.runner.demo.DemoServer"))
        .isEmpty();
    assertThat(ours.getLevel()).isEqualTo(before);
    try (Stream<Path> left = Files.list(spool)) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void writesTheSmallReportAfreshOverADamagedOne() throws Exception {
    Path damaged = ServerWarmUp.report(folder).file();
    Files.writeString(damaged, "Employee,Empl");

    FileReport report = ServerWarmUp.report(folder);

    assertThat(report.file()).isEqualTo(damaged);
    assertThat(report.headings()).hasSize(31);
    try (Stream<String> lines = Files.lines(report.file())) {
      assertThat(lines.count()).isGreaterThan(2_000);
    }
    assertThat(folder.resolve(damaged.getFileName() + ".partial")).doesNotExist();
  }
}
