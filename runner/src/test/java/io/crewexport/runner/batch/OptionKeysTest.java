package io.crewexport.runner.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crewexport.CrewexportException;
import io.crewexport.ErrorCode;
import io.crewexport.runner.config.ConfigLoader;
import io.crewexport.runner.wiring.SinkRegistry;
import io.crewexport.sink.csv.CsvSink;
import io.crewexport.sink.duckdb.DuckDbSink;
import io.crewexport.sink.parquet.ParquetSink;
import io.crewexport.testing.InMemorySink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class OptionKeysTest {
  private static final SinkRegistry SINKS =
      new SinkRegistry(
          Map.of(
              "csv", new CsvSink(),
              "duckdb", new DuckDbSink(),
              "parquet", new ParquetSink(),
              "memory", new InMemorySink()));

  @TempDir Path folder;

  @Test
  void takesTheKeysEachSinkReadsAndThoseOfEveryReport() {
    for (String key :
        new String[] {
          "csv.gzip",
          "csv.header",
          "parquet.codec",
          "parquet.row-group-bytes",
          "duckdb.file",
          "duckdb.schema",
          "duckdb.memory-limit",
          "duckdb.threads",
          "duckdb.keep-row-order",
          "allow-empty",
          "allow-shrink",
          "min-rows-ratio",
          "allow-overlap"
        }) {
      assertThat(OptionKeys.problem(key, SINKS)).as(key).isEmpty();
    }
  }

  @Test
  void refusesAMisspeltKeyOfASinkNamingTheKeysItReads() {
    assertThat(OptionKeys.problem("duckdb.memroy-limit", SINKS))
        .hasValue(
            "unknown option 'duckdb.memroy-limit': the duckdb sink reads duckdb.file,"
                + " duckdb.keep-row-order, duckdb.memory-limit, duckdb.schema, duckdb.threads."
                + " Fix the key.");
  }

  @Test
  void refusesAKeyThatNeitherAReportNorASinkReads() {
    assertThat(OptionKeys.problem("allow-emtpy", SINKS).orElseThrow())
        .startsWith("unknown option 'allow-emtpy': a report reads allow-empty, allow-overlap,")
        .contains("(sinks here: csv, duckdb, memory, parquet)");
    assertThat(OptionKeys.problem("jsonl.indent", SINKS).orElseThrow())
        .contains("add the plugin jar of the sink it is for");
  }

  @Test
  void refusesReportOptionValuesThatTheRunnerCannotRead() {
    assertThat(OptionKeys.badValue("min-rows-ratio", "abc").orElseThrow())
        .isEqualTo("'abc' is not a ratio: give a number from 0 to 1, such as 0.5 (the default).");
    assertThat(OptionKeys.badValue("min-rows-ratio", "1.5")).isPresent();
    assertThat(OptionKeys.badValue("allow-empty", "yes").orElseThrow())
        .isEqualTo("'yes' is not true or false.");
    assertThat(OptionKeys.badValue("allow-shrink", " TRUE ")).isEmpty();
    assertThat(OptionKeys.badValue("min-rows-ratio", "0.25")).isEmpty();
    assertThat(OptionKeys.badValue("csv.gzip", "maybe")).as("the sink's to check").isEmpty();
  }

  @Test
  void takesAnyKeyOfASinkThatDeclaresNone() {
    assertThat(OptionKeys.problem("memory.anything", SINKS)).isEmpty();
  }

  @Test
  void namesTheFileTheLineAndTheKeyOfAMisspeltOption() throws Exception {
    Path config =
        Files.writeString(
            folder.resolve("config.yaml"),
            """
            output: lake
            accounts:
              acme:
                base-url: http://127.0.0.1:1
                client-id: acme
                client-secret-env: ACME_SECRET
            defaults:
              sinks: [csv]
              options:
                csv.header: names
            reports:
              - id: people.report
                period: yesterday
                options:
                  csv.gzpi: "true"
            """);
    ConfigLoader.Loaded loaded = ConfigLoader.load(config);

    assertThatThrownBy(() -> OptionKeys.check(loaded, SINKS))
        .isInstanceOf(CrewexportException.class)
        .hasMessage(
            config
                + ", line 15, reports[0].options.csv.gzpi: unknown option 'csv.gzpi': the csv"
                + " sink reads csv.gzip, csv.header. Fix the key.")
        .satisfies(
            e -> assertThat(((CrewexportException) e).code()).isEqualTo(ErrorCode.CONFIGURATION));
  }
}
