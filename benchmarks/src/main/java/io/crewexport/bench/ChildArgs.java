package io.crewexport.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The arguments a child JVM is started with: a task name, then {@code key=value} pairs.
 *
 * @param task the task to run, such as {@code export}
 * @param values the pairs, in order
 */
record ChildArgs(String task, Map<String, String> values) {

  ChildArgs {
    values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** Parses {@code task key=value...}. */
  static ChildArgs parse(String[] args) {
    if (args.length == 0) {
      throw new IllegalArgumentException("usage: BenchChild TASK key=value...");
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (String pair : Arrays.asList(args).subList(1, args.length)) {
      int equals = pair.indexOf('=');
      if (equals < 1) {
        throw new IllegalArgumentException("not key=value: " + pair);
      }
      values.put(pair.substring(0, equals), pair.substring(equals + 1));
    }
    return new ChildArgs(args[0], values);
  }

  /** The command-line form, task first. */
  List<String> toList() {
    List<String> list = new ArrayList<>();
    list.add(task);
    values.forEach((key, value) -> list.add(key + '=' + value));
    return list;
  }

  /** This plus {@code key=value}. */
  ChildArgs with(String key, Object value) {
    Map<String, String> more = new LinkedHashMap<>(values);
    more.put(key, String.valueOf(value));
    return new ChildArgs(task, more);
  }

  String get(String key) {
    String value = values.get(key);
    if (value == null) {
      throw new IllegalArgumentException("task " + task + " needs " + key + "=...");
    }
    return value;
  }

  String get(String key, String otherwise) {
    return values.getOrDefault(key, otherwise);
  }

  Path path(String key) {
    return Path.of(get(key));
  }
}
