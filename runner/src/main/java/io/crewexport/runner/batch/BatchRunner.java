package io.crewexport.runner.batch;

import io.crewexport.CrewexportException;
import io.crewexport.ErrorCode;
import io.crewexport.ReportRequest;
import io.crewexport.client.ClientSettings;
import io.crewexport.client.CrewmojoClient;
import io.crewexport.client.Sleeper;
import io.crewexport.client.TokenProvider;
import io.crewexport.export.ExportResult;
import io.crewexport.export.ReportExporter;
import io.crewexport.runner.wiring.SinkRegistry;
import io.crewexport.spi.ExportTarget;
import io.crewexport.spi.ReportSink;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a batch: each report and period in turn, into every chosen sink. A failed export is reported
 * and the batch goes on; the others still commit.
 */
public final class BatchRunner {
  private static final Logger log = LoggerFactory.getLogger(BatchRunner.class);
  private static final DateTimeFormatter RUN_ID =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final SinkRegistry registry;
  private final Clock clock;
  private final Sleeper sleeper;

  @Inject
  public BatchRunner(SinkRegistry registry, Clock clock, Sleeper sleeper) {
    this.registry = registry;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /** Exports everything in {@code plan} from the account reached through {@code settings}. */
  public BatchOutcome run(ExportPlan plan, ClientSettings settings, TokenProvider tokens) {
    List<ReportSink> sinks = registry.resolve(plan.sinks());
    CrewmojoClient client = new CrewmojoClient(settings, tokens, clock, sleeper);
    ReportExporter exporter = new ReportExporter(client, plan.spoolFolder(), clock);
    String runId = newRunId(clock.instant());
    List<ExportResult> results = new ArrayList<>();
    Map<ReportRequest, CrewexportException> failures = new LinkedHashMap<>();
    for (ReportRequest request : plan.requests()) {
      try {
        results.add(exporter.export(request, sinks, target(plan, request, runId)));
      } catch (CrewexportException e) {
        log.error("{}", e.getMessage());
        failures.put(request, e);
        if (e.code() == ErrorCode.UNAUTHORIZED || e.code() == ErrorCode.INTERRUPTED) {
          break;
        }
      } catch (RuntimeException e) {
        log.error("{}: unexpected failure", request.describe(), e);
        failures.put(
            request,
            new CrewexportException(
                ErrorCode.SINK_FAILED, request.describe() + ": unexpected failure: " + e, e));
      }
    }
    return new BatchOutcome(results, failures);
  }

  private ExportTarget target(ExportPlan plan, ReportRequest request, String runId) {
    return new ExportTarget(
        request.reportId(),
        request.period(),
        runId,
        clock.instant(),
        plan.outputRoot(),
        plan.options());
  }

  private static String newRunId(Instant now) {
    return RUN_ID.format(now)
        + "-"
        + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 16, 1 << 20));
  }
}
