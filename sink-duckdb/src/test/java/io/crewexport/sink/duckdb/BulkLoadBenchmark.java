package io.crewexport.sink.duckdb;

import com.sun.management.OperatingSystemMXBean;
import io.crewexport.schema.ReportSchema;
import io.crewexport.spi.ExportTarget;
import io.crewexport.spi.SinkWriter;
import io.crewexport.spi.SpooledCsv;
import io.crewexport.spi.SpooledCsvLoader;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;

/**
 * Times one way of getting a CSV file into a DuckDB table, in this JVM: the sink's bulk load
 * ({@code load}: the spooled-body path, scan and {@code INSERT ... read_csv} and commit), the
 * sink's appender fed by core's reader ({@code append}), or DuckDB's own {@code CREATE TABLE AS}
 * with type detection ({@code ctas}). The schema is inferred first, untimed. Run each in a fresh
 * JVM, back to back; the benchmark's {@code --only duckdb} writes a generated file to use.
 *
 * <pre>{@code
 * mvn -B -ntp -q -o -pl core,sink-duckdb -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
 * java -Xmx1g -cp sink-duckdb/target/test-classes:sink-duckdb/target/classes:$(cat \
 *     sink-duckdb/target/bench.classpath) io.crewexport.sink.duckdb.BulkLoadBenchmark \
 *     load people-2000000-seed42.csv /tmp/work 1GB 2     # mode file work memory-limit threads
 * }</pre>
 */
public final class BulkLoadBenchmark {
  private BulkLoadBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 5) {
      System.err.println(
          "usage: BulkLoadBenchmark load|append|ctas FILE WORK MEMORY_LIMIT THREADS");
      System.exit(2);
    }
    String mode = args[0];
    Path file = Path.of(args[1]);
    Path work = Files.createDirectories(Path.of(args[2]).resolve(mode));
    Map<String, String> options =
        Map.of(DuckDbSinkConfig.MEMORY_LIMIT, args[3], DuckDbSinkConfig.THREADS, args[4]);
    Files.deleteIfExists(Exports.databaseFile(work));
    ReportSchema schema = mode.equals("ctas") ? null : SpooledBodies.infer(file);
    SpooledCsv body = SpooledBodies.offer(file);
    ExportTarget target =
        Exports.target(work, Exports.period("2024-01-01", "2024-12-31"), "bench", options);

    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpu = os.getProcessCpuTime();
    long start = System.nanoTime();
    long rows =
        switch (mode) {
          case "load" -> load(body, schema, target);
          case "append" -> append(body, schema, target);
          case "ctas" -> createTableAs(file, work, args[3], args[4]);
          default -> throw new IllegalArgumentException("mode load, append or ctas: " + mode);
        };
    System.out.printf(
        Locale.ROOT,
        "%-6s %,d rows  %.1f s  %.1f CPU s%n",
        mode,
        rows,
        (System.nanoTime() - start) / 1e9,
        (os.getProcessCpuTime() - cpu) / 1e9);
  }

  private static long load(SpooledCsv body, ReportSchema schema, ExportTarget target) {
    try (SinkWriter writer = new DuckDbSink().open(schema, target)) {
      long rows = ((SpooledCsvLoader) writer).load(body).orElseThrow();
      writer.commit();
      return rows;
    }
  }

  private static long append(SpooledCsv body, ReportSchema schema, ExportTarget target) {
    try (SinkWriter writer = new DuckDbSink().open(schema, target)) {
      SpooledBodies.writeRows(body, schema, writer);
      return writer.commit().rows();
    }
  }

  private static long createTableAs(Path file, Path work, String memoryLimit, String threads)
      throws Exception {
    try (Connection connection =
            DriverManager.getConnection("jdbc:duckdb:" + work.resolve("ctas.duckdb"));
        Statement statement = connection.createStatement()) {
      statement.execute("SET memory_limit = '" + memoryLimit + "'");
      statement.execute("SET threads = " + threads);
      return statement.executeLargeUpdate(
          "CREATE OR REPLACE TABLE report AS SELECT * FROM read_csv('" + file + "')");
    }
  }
}
