package io.crewexport.runner.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crewexport.runner.cli.ExitCode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job that stays pending past the vendor's 5 minutes, in process on a manual clock (the jar
 * cannot shorten the vendor's clocks): every attempt is abandoned at 5 minutes, the report is
 * requested again, and after three attempts the run gives up, asking to contact Crewmojo with the
 * job ids, and keeps the previous export.
 */
final class VendorClocksTest {
  @TempDir Path folder;

  @Test
  void aJobPendingPastFiveMinutesIsAbandonedThenGivenUp() throws Exception {
    try (FaultServer server = FaultServer.start()) {
      Lake lake = new Lake(folder.resolve("lake"));
      InProcess crewexport = new InProcess(folder);
      BatchYaml yaml =
          new BatchYaml(lake.root)
              .account(server, "slow")
              .report("slow", "people.report", "2024-01-01..2024-01-31", null);
      assertThat(crewexport.export(yaml)).isZero();
      Map<String, String> filesBefore = lake.published();
      String tableBefore = lake.table("main", "people_report");
      server.account("slow").generation(2).everyDownload(Reply.pendingJob());
      var start = crewexport.clock.instant();

      int code = crewexport.export(yaml);

      assertThat(code).isEqualTo(ExitCode.SOME_FAILED);
      JsonNode entry =
          Manifest.latest(lake.root.resolve("_crewexport")).entries("slow", "people.report").get(0);
      assertThat(entry.get("error_code").asText()).isEqualTo("GAVE_UP");
      assertThat(entry.get("error").asText())
          .contains(
              "people.report [2024-01-01..2024-01-31]",
              "not ready after 3 attempts of up to 5 minutes",
              "contacted");
      assertThat(server.account("slow").downloadRequests()).isEqualTo(1 + 3);
      assertThat(Duration.between(start, crewexport.clock.instant()))
          .isBetween(Duration.ofMinutes(13), Duration.ofMinutes(16));
      assertThat(lake.published()).isEqualTo(filesBefore);
      assertThat(lake.table("main", "people_report")).isEqualTo(tableBefore);
      assertThat(lake.hidden()).isEmpty();
    }
  }
}
