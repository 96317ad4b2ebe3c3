package io.crewexport.sink.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crewexport.CrewexportException;
import io.crewexport.ErrorCode;
import io.crewexport.spi.ExportTarget;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class DuckDbSinkConfigTest {
  private static final Path ROOT = Path.of("/data/lake");

  @Test
  void pinsEveryDefault() {
    DuckDbSinkConfig config = DuckDbSinkConfig.from(target(ROOT.toString(), Map.of()));

    assertThat(config.file()).isEqualTo(ROOT.resolve("crewexport.duckdb"));
    assertThat(config.schema()).isEqualTo("main");
    assertThat(config.memoryLimit()).isEqualTo("1GB");
    assertThat(config.threads()).isEqualTo(2);
    assertThat(config.keepRowOrder()).isFalse();
  }

  @Test
  void pinsEveryKey() {
    Map<String, String> options =
        Map.of(
            "duckdb.file", "/elsewhere/hr.duckdb",
            "duckdb.schema", "tenant_a",
            "duckdb.memory-limit", "512MB",
            "duckdb.threads", "4",
            "duckdb.keep-row-order", " TRUE ");

    DuckDbSinkConfig config = DuckDbSinkConfig.from(target(ROOT.toString(), options));

    assertThat(config)
        .isEqualTo(
            new DuckDbSinkConfig(Path.of("/elsewhere/hr.duckdb"), "tenant_a", "512MB", 4, true));
    assertThat(
            new String[] {
              DuckDbSinkConfig.FILE,
              DuckDbSinkConfig.SCHEMA,
              DuckDbSinkConfig.MEMORY_LIMIT,
              DuckDbSinkConfig.THREADS,
              DuckDbSinkConfig.KEEP_ROW_ORDER
            })
        .containsExactlyInAnyOrderElementsOf(options.keySet());
  }

  @Test
  void refusesARowOrderOtherThanTrueOrFalse() {
    assertThatThrownBy(
            () ->
                DuckDbSinkConfig.from(
                    target(ROOT.toString(), Map.of("duckdb.keep-row-order", "yes"))))
        .isInstanceOfSatisfying(
            CrewexportException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION))
        .hasMessageContaining("duckdb.keep-row-order")
        .hasMessageContaining("true or false")
        .hasMessageContaining("'yes'");
  }

  @Test
  void resolvesARelativeFileAgainstTheWorkingFolder() {
    DuckDbSinkConfig config =
        DuckDbSinkConfig.from(target(ROOT.toString(), Map.of("duckdb.file", "out/../hr.duckdb")));

    assertThat(config.file()).isEqualTo(Path.of("hr.duckdb").toAbsolutePath());
  }

  @Test
  void acceptsAFileUriAsOutputRoot() {
    DuckDbSinkConfig config = DuckDbSinkConfig.from(target("file:///data/lake", Map.of()));

    assertThat(config.file()).isEqualTo(ROOT.resolve("crewexport.duckdb"));
  }

  @Test
  void refusesARemoteOutputRootWithoutANamedFile() {
    assertThatThrownBy(() -> DuckDbSinkConfig.from(target("s3a://bucket/lake", Map.of())))
        .isInstanceOfSatisfying(
            CrewexportException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION))
        .hasMessage(
            "The DuckDB sink writes a local file, and the output root s3a://bucket/lake is not a"
                + " local folder: name a local file with --duckdb-file (option duckdb.file).");

    Map<String, String> local = Map.of("duckdb.file", "/tmp/hr.duckdb");
    assertThat(DuckDbSinkConfig.from(target("s3a://bucket/lake", local)).file())
        .isEqualTo(Path.of("/tmp/hr.duckdb"));
  }

  @Test
  void refusesBadValuesNamingTheOption() {
    assertRefused(
        Map.of("duckdb.threads", "two"),
        "duckdb.threads must be a whole number from 1 to 1024, not 'two'");
    assertRefused(
        Map.of("duckdb.threads", "0"),
        "duckdb.threads must be a whole number from 1 to 1024, not '0'");
    assertRefused(
        Map.of("duckdb.memory-limit", "1GB'; DROP"),
        "duckdb.memory-limit must be a size such as 512MB or 2GB");
    assertRefused(Map.of("duckdb.schema", "Main\""), "duckdb.schema must be lower snake case");
    assertRefused(
        Map.of("duckdb.file", "/tmp/a;b.duckdb"), "duckdb.file must be a path without ';'");
  }

  private static void assertRefused(Map<String, String> options, String message) {
    assertThatThrownBy(() -> DuckDbSinkConfig.from(target(ROOT.toString(), options)))
        .isInstanceOfSatisfying(
            CrewexportException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION))
        .hasMessageContaining(message);
  }

  private static ExportTarget target(String outputRoot, Map<String, String> options) {
    return new ExportTarget("oneonone.summary", null, "run-1", Instant.EPOCH, outputRoot, options);
  }
}
