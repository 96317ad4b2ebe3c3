package io.crewexport.runner;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.crewexport.runner.demo.DemoServer;
import io.crewexport.runner.demo.DemoTimings;
import io.crewexport.runner.demo.SampleReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar loads the example JSON Lines sink from a plugins folder and exports through it.
 */
final class PluginJarIT {
  @TempDir Path folder;

  @Test
  void exportsThroughASinkFromThePluginsFolder() throws Exception {
    Path plugins = Files.createDirectories(folder.resolve("plugins"));
    Path plugin = Path.of(System.getProperty("example.plugin.jar"));
    Files.copy(plugin, plugins.resolve(plugin.getFileName()));
    try (DemoServer server =
        DemoServer.builder("acme", "plugin-secret")
            .report(SampleReport.load())
            .timings(
                new DemoTimings(
                    Duration.ofSeconds(5), Duration.ofMinutes(1), Duration.ofMinutes(30)))
            .build()
            .start()) {
      Path config = config(server);

      Result without = crewexport("export", "--config", config.toString());
      Result with =
          crewexport("export", "--config", config.toString(), "--plugins", plugins.toString());

      assertThat(without.code).as(without.log).isEqualTo(2);
      assertThat(without.log).contains("unknown sink 'jsonl'");
      assertThat(with.code).as(with.log).isZero();
      assertThat(with.log).contains("Loading plugins");
    }
    try (Stream<Path> files = Files.walk(folder.resolve("lake/jsonl"))) {
      Path jsonl = files.filter(p -> p.toString().endsWith(".jsonl")).findFirst().orElseThrow();
      List<String> lines = Files.readAllLines(jsonl, UTF_8);
      assertThat(lines).hasSize(3);
      assertThat(lines.get(1))
          .contains("\"employee\":\"Ari Walsh\"", "\"created_date\":\"2021-06-29\"");
    }
  }

  private Path config(DemoServer server) throws Exception {
    return Files.writeString(
        folder.resolve("config.yaml"),
        "output: '"
            + folder.resolve("lake")
            + "'\n"
            + "defaults: {sinks: [jsonl]}\n"
            + "accounts:\n  acme: {base-url: '"
            + server.baseUrl()
            + "', client-id: acme,"
            + " client-secret-env: ACME_SECRET}\n"
            + "reports:\n  - {id: oneonone.summary, period: 2024-01-01..2024-01-31}\n");
  }

  private Result crewexport(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(System.getProperty("crewexport.jar"));
    command.addAll(List.of(args));
    Path log = Files.createTempFile(folder, "log", ".txt");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("ACME_SECRET", "plugin-secret");
    Process process = builder.redirectOutput(log.toFile()).start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), Files.readString(log, UTF_8));
  }

  private record Result(int code, String log) {}
}
