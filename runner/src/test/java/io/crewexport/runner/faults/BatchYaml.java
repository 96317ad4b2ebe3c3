package io.crewexport.runner.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes the batch configs of the fault tests: accounts on the fault server, their reports. */
final class BatchYaml {
  private final StringBuilder accounts = new StringBuilder();
  private final StringBuilder reports = new StringBuilder();
  private final Map<String, String> env = new LinkedHashMap<>();
  private final Map<String, String> options = new LinkedHashMap<>();
  private final String output;
  private String stateDir;
  private String spoolDir;
  private boolean hashSalt;
  private List<String> sinks = List.of("parquet", "duckdb", "csv");

  BatchYaml(Path output) {
    this(output.toString());
  }

  BatchYaml(String output) {
    this.output = output;
  }

  BatchYaml spoolDir(Path folder) {
    spoolDir = folder.toString();
    return this;
  }

  BatchYaml stateDir(Path folder) {
    stateDir = folder.toString();
    return this;
  }

  BatchYaml sinks(String... names) {
    sinks = List.of(names);
    return this;
  }

  /** Adds {@code key: value} to the defaults' options. */
  BatchYaml option(String key, String value) {
    options.put(key, value);
    return this;
  }

  /** An account on {@code server}, its secret in an environment variable. */
  BatchYaml account(FaultServer server, String name) {
    return account(name, server.baseUrl(name), server.account(name).secret, null);
  }

  /** An account at {@code baseUrl} with {@code read-timeout-seconds} if not null. */
  BatchYaml account(String name, String baseUrl, String secret, Integer readTimeoutSeconds) {
    String variable = secretVariable(name);
    env.put(variable, secret);
    accounts
        .append("  ")
        .append(name)
        .append(":\n    base-url: '")
        .append(baseUrl)
        .append("'\n    client-id: ")
        .append(name)
        .append("\n    client-secret-env: ")
        .append(variable)
        .append('\n');
    if (readTimeoutSeconds != null) {
      accounts.append("    read-timeout-seconds: ").append(readTimeoutSeconds).append('\n');
    }
    return this;
  }

  /** A report of {@code account} over {@code period}, with an optional window. */
  BatchYaml report(String account, String id, String period, String window) {
    return report(account, id, period, window, Map.of());
  }

  /** As above, with report options. */
  BatchYaml report(
      String account, String id, String period, String window, Map<String, String> reportOptions) {
    reports
        .append("  - id: ")
        .append(id)
        .append("\n    account: ")
        .append(account)
        .append("\n    period: ")
        .append(period)
        .append('\n');
    if (window != null) {
      reports.append("    window: ").append(window).append('\n');
    }
    if (!reportOptions.isEmpty()) {
      reports.append("    options:\n");
      reportOptions.forEach(
          (key, value) ->
              reports.append("      ").append(key).append(": '").append(value).append("'\n"));
    }
    return this;
  }

  /** A report of {@code account} over {@code period}, written to {@code reportSinks} only. */
  BatchYaml reportTo(List<String> reportSinks, String account, String id, String period) {
    report(account, id, period, (String) null);
    reports.append("    sinks: [").append(String.join(", ", reportSinks)).append("]\n");
    return this;
  }

  /** Adds {@code columns: flowMap} (drop and hash rules) to the report added last. */
  BatchYaml columns(String flowMap) {
    reports.append("    columns: ").append(flowMap).append('\n');
    return this;
  }

  /** Salts {@code hash} columns with {@code salt}, given in an environment variable. */
  BatchYaml hashSalt(String salt) {
    hashSalt = true;
    env.put("HASH_SALT", salt);
    return this;
  }

  /** The environment the run needs: each account's secret. */
  Map<String, String> env() {
    return Map.copyOf(env);
  }

  String text() {
    StringBuilder yaml = new StringBuilder("output: '" + output + "'\n");
    if (stateDir != null) {
      yaml.append("state-dir: '").append(stateDir).append("'\n");
    }
    if (spoolDir != null) {
      yaml.append("spool-dir: '").append(spoolDir).append("'\n");
    }
    if (hashSalt) {
      yaml.append("hash-salt-env: HASH_SALT\n");
    }
    yaml.append("defaults:\n  sinks: [").append(String.join(", ", sinks)).append("]\n");
    if (!options.isEmpty()) {
      yaml.append("  options:\n");
      options.forEach(
          (key, value) ->
              yaml.append("    ").append(key).append(": '").append(value).append("'\n"));
    }
    return yaml.append("accounts:\n")
        .append(accounts)
        .append("reports:\n")
        .append(reports)
        .toString();
  }

  /** Writes the config to {@code file} and returns it. */
  Path write(Path file) {
    try {
      return Files.writeString(file, text(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String secretVariable(String account) {
    return "SECRET_" + account.toUpperCase(Locale.ROOT);
  }
}
