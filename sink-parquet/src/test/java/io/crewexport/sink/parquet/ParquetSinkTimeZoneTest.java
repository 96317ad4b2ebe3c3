package io.crewexport.sink.parquet;

import static io.crewexport.testing.SampleReport.ROWS;
import static org.assertj.core.api.Assertions.assertThat;

import io.crewexport.Period;
import io.crewexport.spi.ExportTarget;
import io.crewexport.spi.SinkResult;
import io.crewexport.testing.SampleReport;
import io.crewexport.testing.TimeZones;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Lineage written under a JVM zone far from UTC, at instants whose local time is repeated or
 * skipped by daylight saving: the footer must hold the UTC instant, read as stored.
 */
final class ParquetSinkTimeZoneTest {
  @TempDir Path root;

  private final ParquetSink sink = new ParquetSink();

  @ParameterizedTest
  @MethodSource("io.crewexport.testing.TimeZones#daylightSavingDays")
  void footerHoldsTheUtcInstantOfExtraction(String zone, Instant extractedAt, String utcDay) {
    ExportTarget target =
        new ExportTarget(
            SampleReport.REPORT_ID,
            Period.parse(utcDay, utcDay),
            "run-1",
            extractedAt,
            root.toString(),
            Map.of());

    SinkResult result = exportIn(zone, target);

    Map<String, String> footer = ParquetFiles.footer(ParquetFiles.local(result.files().get(0)));
    assertThat(footer.get("crewexport.extracted_at")).isEqualTo(extractedAt.toString());
    assertThat(footer).containsEntry("crewexport.period_start", utcDay);
  }

  @ParameterizedTest
  @MethodSource("io.crewexport.testing.TimeZones#daylightSavingDays")
  void snapshotIsFiledUnderTheUtcDayOfExtraction(String zone, Instant extractedAt, String utcDay) {
    ExportTarget snapshot =
        new ExportTarget(
            SampleReport.REPORT_ID, null, "run-1", extractedAt, root.toString(), Map.of());

    SinkResult result = exportIn(zone, snapshot);

    assertThat(result.files().get(0)).contains("/snapshot_date=" + utcDay + "/");
    assertThat(ParquetFiles.footer(ParquetFiles.local(result.files().get(0))))
        .containsEntry("crewexport.snapshot_date", utcDay)
        .containsEntry("crewexport.extracted_at", extractedAt.toString());
  }

  private SinkResult exportIn(String zone, ExportTarget target) {
    AtomicReference<SinkResult> result = new AtomicReference<>();
    TimeZones.withDefault(zone, () -> result.set(SampleReport.export(sink, target, ROWS)));
    return result.get();
  }
}
