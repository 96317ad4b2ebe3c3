package io.crewexport.runner.plan;

import static java.util.Objects.requireNonNull;

import io.crewexport.ReportRequest;
import io.crewexport.runner.config.ReportConfig;
import io.crewexport.runner.state.RunRecord.PlannedUnit;
import java.util.List;
import java.util.Map;

/**
 * One export of a batch: one report, one period (or window), into a set of sinks.
 *
 * @param account the account's name
 * @param report the report's config, defaults applied
 * @param request what to ask Crewmojo
 * @param sinks the sink names to write
 * @param outputRoot the output root of this account
 * @param options the sink options
 */
public record ExportUnit(
    String account,
    ReportConfig report,
    ReportRequest request,
    List<String> sinks,
    String outputRoot,
    Map<String, String> options) {
  public ExportUnit {
    requireNonNull(account, "account");
    requireNonNull(report, "report");
    requireNonNull(request, "request");
    sinks = List.copyOf(sinks);
    requireNonNull(outputRoot, "outputRoot");
    options = Map.copyOf(options);
  }

  /** The key of this unit's report in the state: {@code account/reportId}. */
  public String reportKey() {
    return account + "/" + request.reportId();
  }

  /** This unit for other sinks or another request (a half of a split window, say). */
  public ExportUnit with(ReportRequest otherRequest, List<String> otherSinks) {
    return new ExportUnit(account, report, otherRequest, otherSinks, outputRoot, options);
  }

  /** How the state records this unit in a run's plan. */
  public PlannedUnit planned() {
    return new PlannedUnit(
        account,
        request.reportId(),
        request.optionalPeriod().map(p -> p.start()).orElse(null),
        request.optionalPeriod().map(p -> p.end()).orElse(null),
        sinks);
  }

  /** The account, report and period, as users read them. */
  public String describe() {
    return account + ": " + request.describe();
  }
}
