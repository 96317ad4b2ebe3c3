package io.crewexport.runner.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** A run manifest as the fault tests read it: its export entries by account and report. */
record Manifest(JsonNode json) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The newest manifest in {@code stateDir}/runs. */
  static Manifest latest(Path stateDir) {
    try (Stream<Path> files = Files.list(stateDir.resolve("runs"))) {
      Path newest =
          files
              .filter(file -> file.toString().endsWith(".json"))
              .max((a, b) -> lastModified(a).compareTo(lastModified(b)))
              .orElseThrow();
      return new Manifest(JSON.readTree(newest.toFile()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The entries of {@code account}'s report {@code reportId}. */
  List<JsonNode> entries(String account, String reportId) {
    List<JsonNode> entries = new ArrayList<>();
    json.get("exports")
        .forEach(
            entry -> {
              if (entry.get("account").asText().equals(account)
                  && entry.get("report_id").asText().equals(reportId)) {
                entries.add(entry);
              }
            });
    return entries;
  }

  /** "period_start sink" -> status, for {@code account}'s report. */
  Map<String, String> statuses(String account, String reportId) {
    Map<String, String> statuses = new TreeMap<>();
    for (JsonNode entry : entries(account, reportId)) {
      statuses.put(
          entry.path("period_start").asText("snapshot") + " " + entry.get("sink").asText(),
          entry.get("status").asText());
    }
    return statuses;
  }

  private static java.nio.file.attribute.FileTime lastModified(Path file) {
    try {
      return Files.getLastModifiedTime(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
