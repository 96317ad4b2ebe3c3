package io.crewexport.runner.state;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the state remembers of one report of one account: its schema, and what each sink holds.
 *
 * @param schema the columns as last written, in order
 * @param committed per sink name, the exports committed, oldest first
 */
public record ReportState(List<StoredColumn> schema, Map<String, List<Committed>> committed) {
  public ReportState {
    schema = schema == null ? List.of() : List.copyOf(schema);
    Map<String, List<Committed>> copy = new LinkedHashMap<>();
    if (committed != null) {
      committed.forEach((sink, list) -> copy.put(sink, List.copyOf(list)));
    }
    committed = java.util.Collections.unmodifiableMap(copy);
  }

  static ReportState empty() {
    return new ReportState(List.of(), Map.of());
  }

  /** This state with {@code export} added for {@code sink}, replacing what it covered. */
  ReportState withCommit(String sink, Committed export, List<StoredColumn> newSchema) {
    Map<String, List<Committed>> next = new LinkedHashMap<>(committed);
    List<Committed> list = new ArrayList<>(next.getOrDefault(sink, List.of()));
    list.removeIf(old -> replacedBy(old, export));
    list.add(export);
    next.put(sink, list);
    return new ReportState(newSchema, next);
  }

  private static boolean replacedBy(Committed old, Committed export) {
    if (export.start() == null) {
      return old.start() == null && export.snapshot().equals(old.snapshot());
    }
    return old.start() != null && export.period().contains(old.period());
  }
}
