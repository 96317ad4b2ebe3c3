package io.crewexport.client;

import static io.crewexport.client.RawHttpServer.shortBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crewexport.CrewexportException;
import io.crewexport.ErrorCode;
import io.crewexport.testing.ManualClock;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class SpoolFolderTest {
  /** More than any disk here holds: 8 EiB. */
  private static final long HUGE = Long.MAX_VALUE;

  @TempDir Path spool;
  private final ManualClock clock = new ManualClock();

  @Test
  void refusesABodyLargerThanTheSpoolFolderCanHoldBeforeWritingIt() throws IOException {
    try (RawHttpServer server = new RawHttpServer(shortBody(HUGE, "Employee,Active\r\n"))) {
      CrewmojoClient client =
          new CrewmojoClient(
              ClientSettings.of(server.baseUrl()),
              new StaticTokenProvider(Secret.of("tok-raw")),
              clock,
              clock.sleeper());

      assertThatThrownBy(() -> client.download(TruncatedBodyTest.JANUARY, spool))
          .isInstanceOf(CrewexportException.class)
          .hasMessageContaining("oneonone.summary [2024-01-01..2024-01-31]")
          .hasMessageContaining("the report is " + HUGE + " bytes")
          .hasMessageContaining("spool folder " + spool.toAbsolutePath())
          .hasMessageContaining("MiB free")
          .hasMessageContaining("--spool-dir")
          .extracting(e -> ((CrewexportException) e).code())
          .isEqualTo(ErrorCode.CONFIGURATION);

      assertThat(server.connections()).as("not retried").isEqualTo(1);
      assertThat(spool).isEmptyDirectory();
    }
  }
}
