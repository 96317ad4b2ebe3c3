package io.crewexport.runner.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crewexport.runner.Main;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Runs {@code crewexport export --config} on a config written by the test, on a fixed date. */
final class BatchFixture {
  private static final ObjectMapper JSON = new ObjectMapper();

  final Path folder;
  final Path out;

  BatchFixture(Path folder) {
    this.folder = folder;
    this.out = folder.resolve("lake");
  }

  /** Writes {@code yaml} as the config and runs it on {@code day} with {@code env}. */
  int run(String yaml, String day, Map<String, String> env, String... extraArgs) {
    Path config = folder.resolve("config.yaml");
    try {
      Files.writeString(config, yaml, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Clock clock = Clock.fixed(Instant.parse(day + "T10:00:00Z"), ZoneOffset.UTC);
    List<String> args = new ArrayList<>(List.of("export", "--config", config.toString()));
    args.addAll(List.of(extraArgs));
    return Main.run(env, clock, args.toArray(String[]::new));
  }

  /** The run manifests, oldest first. */
  List<JsonNode> manifests() {
    Path runs = out.resolve("_crewexport/runs");
    try (Stream<Path> files = Files.list(runs)) {
      List<JsonNode> manifests = new ArrayList<>();
      for (Path file : files.sorted().toList()) {
        manifests.add(JSON.readTree(file.toFile()));
      }
      return manifests;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The newest manifest's exports as "report start..end sink status" lines. */
  List<String> lastExports() {
    List<JsonNode> manifests = manifests();
    List<String> lines = new ArrayList<>();
    manifests
        .get(manifests.size() - 1)
        .get("exports")
        .forEach(
            e ->
                lines.add(
                    e.get("report_id").asText()
                        + " "
                        + e.path("period_start").asText("snapshot")
                        + ".."
                        + e.path("period_end").asText("")
                        + " "
                        + e.get("sink").asText()
                        + " "
                        + e.get("status").asText()));
    return lines;
  }
}
