package io.crewexport.runner.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.crewexport.runner.demo.DemoReport;
import io.crewexport.runner.demo.DemoServer;
import io.crewexport.runner.demo.DemoTimings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A report's types are kept in the state and only widen from one export to the next. */
final class SchemaWideningTest {
  @TempDir Path folder;

  @Test
  void widensAcrossExportsAndKeepsAZeroOnlyColumnAsNumbers() throws Exception {
    AtomicReference<List<List<String>>> rows =
        new AtomicReference<>(List.of(List.of("1", "0"), List.of("2", "0")));
    try (DemoServer server =
        DemoServer.builder("acme", "s")
            .report(new MutableReport(rows))
            .timings(
                new DemoTimings(
                    Duration.ofSeconds(5), Duration.ofMinutes(1), Duration.ofMinutes(30)))
            .build()
            .start()) {
      BatchFixture batch = new BatchFixture(folder);
      String config =
          "output: '"
              + batch.out
              + "'\n"
              + "defaults: {sinks: [duckdb]}\n"
              + "accounts:\n  acme: {base-url: '"
              + server.baseUrl()
              + "', client-id: acme,"
              + " client-secret-env: S}\n"
              + "reports:\n  - {id: mutable, period: last-month}\n";
      assertThat(batch.run(config, "2024-02-10", Map.of("S", "s"))).isZero();

      rows.set(List.of(List.of("A7", "20240105"), List.of("3", "0")));
      assertThat(batch.run(config, "2024-03-10", Map.of("S", "s"))).isZero();

      String state = Files.readString(batch.out.resolve("_crewexport/state.json"));
      assertThat(state)
          .containsPattern(
              "\"name\" : \"code\",\\s*\"heading\" : \"Code\",\\s*\"type\" : \"TEXT\"");
      assertThat(state).containsPattern("\"name\" : \"last_access\",[^}]*\"type\" : \"BIGINT\"");
      assertThat(batch.manifests().get(1).get("exports").get(0).get("schema_drift").asText())
          .contains("widened");
      try (Connection db =
              DriverManager.getConnection("jdbc:duckdb:" + batch.out.resolve("crewexport.duckdb"));
          ResultSet rs =
              db.createStatement()
                  .executeQuery(
                      "SELECT typeof(code), typeof(last_access), max(last_access)"
                          + " FROM main.mutable GROUP BY ALL")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("VARCHAR");
        assertThat(rs.getString(2)).isEqualTo("BIGINT");
        assertThat(rs.getLong(3)).isEqualTo(20240105L);
      }
    }
  }

  /** A two-column report whose rows the test replaces between runs. */
  private record MutableReport(AtomicReference<List<List<String>>> rows) implements DemoReport {
    @Override
    public String id() {
      return "mutable";
    }

    @Override
    public List<String> headings() {
      return List.of("Code", "Last Access");
    }

    @Override
    public Duration generationTime() {
      return Duration.ZERO;
    }

    @Override
    public void writeRows(RowSink sink) throws java.io.IOException {
      for (List<String> row : rows.get()) {
        sink.accept(row);
      }
    }
  }
}
