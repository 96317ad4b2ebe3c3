package io.crewexport.runner.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The line of every key in a YAML file, by path such as {@code reports[2].account}, so errors found
 * after binding can still point at the line to fix.
 */
public final class YamlLines {
  private final Map<String, Integer> lines;

  private YamlLines(Map<String, Integer> lines) {
    this.lines = lines;
  }

  static YamlLines of(Path file) throws IOException {
    Map<String, Integer> lines = new HashMap<>();
    try (JsonParser parser = new YAMLFactory().createParser(file.toFile())) {
      Deque<String> path = new ArrayDeque<>();
      Deque<Integer> indexes = new ArrayDeque<>();
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        switch (token) {
          case FIELD_NAME -> {
            String parent = join(path);
            String key = (parent.isEmpty() ? "" : parent + ".") + parser.currentName();
            lines.put(key, parser.currentTokenLocation().getLineNr());
          }
          case START_OBJECT, START_ARRAY -> {
            String here = containerPath(parser, path, indexes);
            // An element of a list has no key; its own first line is where to look.
            lines.putIfAbsent(here, parser.currentTokenLocation().getLineNr());
            path.push(here);
            indexes.push(token == JsonToken.START_ARRAY ? 0 : -1);
          }
          case END_OBJECT, END_ARRAY -> {
            path.pop();
            indexes.pop();
          }
          default -> advanceIndex(indexes);
        }
      }
    }
    return new YamlLines(lines);
  }

  /** No lines: for a config built from command-line flags. */
  static YamlLines none() {
    return new YamlLines(Map.of());
  }

  /** The line of the key at {@code path}, or of its nearest parent that has one. */
  Optional<Integer> lineOf(String path) {
    for (String p = path; !p.isEmpty(); p = parent(p)) {
      Integer line = lines.get(p);
      if (line != null) {
        return Optional.of(line);
      }
    }
    return Optional.empty();
  }

  private static String containerPath(JsonParser parser, Deque<String> path, Deque<Integer> indexes)
      throws IOException {
    String parent = join(path);
    if (!indexes.isEmpty() && indexes.peek() >= 0) {
      int index = indexes.pop();
      indexes.push(index + 1);
      String here = parent + "[" + index + "]";
      return here;
    }
    String name = parser.currentName();
    if (name == null) {
      return parent;
    }
    return parent.isEmpty() ? name : parent + "." + name;
  }

  private static void advanceIndex(Deque<Integer> indexes) {
    if (!indexes.isEmpty() && indexes.peek() >= 0) {
      indexes.push(indexes.pop() + 1);
    }
  }

  private static String join(Deque<String> path) {
    return path.isEmpty() ? "" : path.peek();
  }

  private static String parent(String path) {
    int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
    return cut <= 0 ? "" : path.substring(0, cut);
  }
}
