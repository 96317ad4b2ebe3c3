package io.crewexport.schema;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * How a report's schema moved from its earlier exports to this one, for the run to log and record.
 *
 * @param fingerprintBefore the stored schema's fingerprint; empty on a report's first export
 * @param fingerprintAfter the fingerprint of the schema this export writes
 * @param added columns the vendor sends for the first time, appended to the schema
 * @param removed stored columns the vendor no longer sends, kept in the schema and written empty
 * @param widened columns whose values no longer fit the stored type, now of a wider type
 * @param retyped columns that a pin moved to a type that is not wider than the stored one (earlier
 *     partitions keep the old type)
 * @param notices sentences for the user: pins that did not fit or match, columns worth pinning
 */
public record SchemaDrift(
    Optional<String> fingerprintBefore,
    String fingerprintAfter,
    List<Column> added,
    List<Column> removed,
    List<TypeChange> widened,
    List<TypeChange> retyped,
    List<String> notices) {
  public SchemaDrift {
    requireNonNull(fingerprintBefore, "fingerprintBefore");
    requireNonNull(fingerprintAfter, "fingerprintAfter");
    added = List.copyOf(added);
    removed = List.copyOf(removed);
    widened = List.copyOf(widened);
    retyped = List.copyOf(retyped);
    notices = List.copyOf(notices);
  }

  /** Whether the schema written differs from the stored one. */
  public boolean changed() {
    return fingerprintBefore.isPresent() && !fingerprintBefore.get().equals(fingerprintAfter);
  }

  /**
   * One line for the log: {@code schema 3f2a.. -> 9c1d..: added 1 (team TEXT); widened 1 (code
   * BIGINT -> TEXT)}, or {@code schema 3f2a.. unchanged}, or {@code schema 3f2a.. (first export)}.
   */
  public String summary() {
    if (fingerprintBefore.isEmpty()) {
      return "schema " + fingerprintAfter + " (first export)";
    }
    List<String> parts = new ArrayList<>();
    part(parts, "added", added, c -> c.name() + " " + c.type());
    part(parts, "removed", removed, Column::name);
    part(parts, "widened", widened, TypeChange::toString);
    part(parts, "retyped by a pin", retyped, TypeChange::toString);
    String before = fingerprintBefore.get();
    if (parts.isEmpty()) {
      return "schema " + before + " unchanged";
    }
    return "schema " + before + " -> " + fingerprintAfter + ": " + String.join("; ", parts);
  }

  private static <T> void part(
      List<String> parts, String label, List<T> items, Function<T, String> describe) {
    if (!items.isEmpty()) {
      parts.add(
          label
              + " "
              + items.size()
              + " ("
              + String.join(", ", items.stream().map(describe).toList())
              + ")");
    }
  }
}
