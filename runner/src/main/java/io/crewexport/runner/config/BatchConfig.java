package io.crewexport.runner.config;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A batch as the YAML config describes it. See the README's config reference.
 *
 * @param output the output root shared by every sink (local folder or Hadoop URI)
 * @param stateDir where state, lock and run manifests live (default {@code <output>/_crewexport})
 * @param spoolDir where bodies are spooled (default the temp folder)
 * @param timezone the zone relative periods are computed in (default UTC)
 * @param hashSaltEnv the environment variable holding the salt of {@code hash} columns
 * @param defaults what reports take unless they say otherwise
 * @param accounts the Crewmojo accounts by name
 * @param reports the reports, in order
 */
public record BatchConfig(
    String output,
    String stateDir,
    String spoolDir,
    ZoneId timezone,
    String hashSaltEnv,
    Defaults defaults,
    Map<String, AccountConfig> accounts,
    List<ReportConfig> reports) {
  public BatchConfig {
    if (output == null || output.isBlank()) {
      throw new IllegalArgumentException("output is required: the folder or URI to write under");
    }
    if (accounts == null || accounts.isEmpty()) {
      throw new IllegalArgumentException("accounts needs at least one account");
    }
    if (reports == null || reports.isEmpty()) {
      throw new IllegalArgumentException("reports needs at least one report");
    }
    timezone = timezone == null ? ZoneId.of("UTC") : timezone;
    defaults = defaults == null ? Defaults.NONE : defaults;
    accounts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(accounts));
    reports = List.copyOf(reports);
  }
}
