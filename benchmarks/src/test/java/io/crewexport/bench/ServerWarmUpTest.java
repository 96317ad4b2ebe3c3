package io.crewexport.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.crewexport.runner.demo.DemoServer;
import io.crewexport.runner.demo.DemoTimings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ServerWarmUpTest {
  @TempDir Path folder;

  @Test
  void downloadsTheSmallReportWithAFreshTokenEachRoundAndKeepsNoCopy() throws Exception {
    Path spool = folder.resolve("spool");
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
    }
    try (Stream<Path> left = Files.list(spool)) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void writesTheSmallReportOnceAndReusesIt() throws Exception {
    FileReport first = ServerWarmUp.report(folder);
    long written = Files.getLastModifiedTime(first.file()).toMillis();

    FileReport again = ServerWarmUp.report(folder);

    assertThat(again.file()).isEqualTo(first.file());
    assertThat(Files.getLastModifiedTime(again.file()).toMillis()).isEqualTo(written);
    assertThat(again.headings()).hasSize(31);
  }
}
