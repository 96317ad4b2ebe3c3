package io.crewexport.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Which runs the benchmark makes, each of ours beside its counterpart, and with which arguments.
 *
 * <pre>{@code
 * BenchPlan plan = new BenchPlan(input, server.baseUrl(), work);
 * for (BenchPlan.Pair pair : plan.pairs()) { ... }
 * }</pre>
 */
final class BenchPlan {
  static final String CLIENT_ID = "bench-client";
  static final String REPORT_ID = "bench.report";
  static final String MEMORY_REPORT_ID = "bench.memory";

  /** DuckDB's settings in every run that uses it, ours included. */
  static final String DUCKDB_MEMORY_LIMIT = "1GB";

  static final int DUCKDB_THREADS = 2;

  private final Path input;
  private final String url;
  private final Path work;

  BenchPlan(Path input, String url, Path work) {
    this.input = input;
    this.url = url;
    this.work = work;
  }

  /** One run: its name (also its output folder and log), what the table calls it, and its task. */
  record Run(String name, String label, ChildArgs arguments) {}

  /**
   * Our run and its counterpart.
   *
   * @param key selects the pair with {@code --only}
   * @param path what both do
   * @param mustReach the largest ratio of our time to theirs the issue accepts
   */
  record Pair(String key, String path, Run ours, Run theirs, double mustReach) {}

  List<Pair> pairs() {
    return List.of(
        new Pair(
            "parquet",
            "CSV -> Parquet",
            export("ours-parquet", "crewexport -> Parquet", REPORT_ID, "parquet", Map.of()),
            duckDb("duckdb-parquet", "DuckDB COPY TO parquet", "parquet"),
            1.5),
        new Pair(
            "duckdb",
            "CSV -> DuckDB table",
            export("ours-duckdb", "crewexport -> DuckDB", REPORT_ID, "duckdb", Map.of()),
            duckDb("duckdb-table", "DuckDB CREATE TABLE AS", "table"),
            1.3),
        new Pair(
            "csv",
            "CSV -> CSV",
            export("ours-csv", "crewexport -> CSV", REPORT_ID, "csv", Map.of()),
            duckDb("duckdb-csv", "DuckDB COPY TO csv", "csv"),
            1.0),
        new Pair(
            "infer",
            "read + infer",
            new Run(
                "ours-infer", "crewexport read + infer", file(new ChildArgs("infer", Map.of()))),
            new Run(
                "fastcsv", "FastCSV parse, one thread", file(new ChildArgs("fastcsv", Map.of()))),
            1.5));
  }

  /** The memory run: every sink at once, DuckDB held to {@code duckDbMemoryLimit}. */
  Run memory(String duckDbMemoryLimit) {
    return export(
        "memory",
        "crewexport -> Parquet + DuckDB + CSV",
        MEMORY_REPORT_ID,
        "parquet,duckdb,csv",
        Map.of("option.duckdb.memory-limit", duckDbMemoryLimit));
  }

  /** Where run {@code name} writes. */
  Path outputOf(String name) {
    return work.resolve("out").resolve(name);
  }

  private Run export(
      String name, String label, String report, String sinks, Map<String, String> options) {
    ChildArgs arguments =
        new ChildArgs(ExportRun.TASK, Map.of())
            .with("url", url)
            .with("client-id", CLIENT_ID)
            .with("report", report)
            .with("sinks", sinks)
            .with("out", outputOf(name))
            .with("spool", work.resolve("spool"))
            .with("option.duckdb.memory-limit", DUCKDB_MEMORY_LIMIT)
            .with("option.duckdb.threads", DUCKDB_THREADS);
    for (Map.Entry<String, String> option : options.entrySet()) {
      arguments = arguments.with(option.getKey(), option.getValue());
    }
    return new Run(name, label, arguments);
  }

  private Run duckDb(String name, String label, String load) {
    ChildArgs arguments =
        file(new ChildArgs("duckdb", Map.of()))
            .with("load", load)
            .with("out", outputOf(name))
            .with("memory-limit", DUCKDB_MEMORY_LIMIT)
            .with("threads", DUCKDB_THREADS);
    return new Run(name, label, arguments);
  }

  private ChildArgs file(ChildArgs arguments) {
    return arguments.with("file", input);
  }
}
