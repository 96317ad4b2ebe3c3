package io.crewexport.schema;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * How a user steers column types: pins, and a switch that makes every column text.
 *
 * <pre>{@code
 * new SchemaPolicy(Map.of("Last Access", ColumnType.DATE, "employee_code", ColumnType.TEXT), false)
 * }</pre>
 *
 * A pin names a column by the vendor's heading (all columns of a repeated heading) or by its safe
 * name (one column). A pinned column takes its pin's type when every value fits it, whatever
 * inference or earlier exports said; when a value does not fit, the column widens from the pin as
 * far as needed and the export says so, so no value is dropped or altered. With {@code allText},
 * every column that is not pinned is TEXT.
 *
 * @param pins the pinned type per heading or safe name
 * @param allText whether columns that are not pinned are all TEXT
 */
public record SchemaPolicy(Map<String, ColumnType> pins, boolean allText) {
  /** No pins, types inferred. */
  public static final SchemaPolicy INFER = new SchemaPolicy(Map.of(), false);

  public SchemaPolicy {
    requireNonNull(pins, "pins");
    pins.forEach(
        (key, type) -> {
          if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("a pin needs a column heading or name, not blank");
          }
          requireNonNull(type, () -> "the pin of column '" + key + "' has no type");
        });
    pins = Collections.unmodifiableMap(new TreeMap<>(pins));
  }

  /** Every column TEXT, except pinned ones. */
  public static SchemaPolicy allText(Map<String, ColumnType> pins) {
    return new SchemaPolicy(pins, true);
  }

  /** The type pinned for the column with {@code heading} and {@code name}; by name first. */
  public Optional<ColumnType> pin(String heading, String name) {
    ColumnType byName = pins.get(name);
    return Optional.ofNullable(byName != null ? byName : pins.get(heading));
  }

  /** The pins that name none of {@code columns}, likely misspelt. */
  public List<String> unusedPins(List<InferredColumn> columns) {
    Set<String> known = new HashSet<>();
    columns.forEach(column -> known.addAll(List.of(column.heading(), column.name())));
    return pins.keySet().stream().filter(key -> !known.contains(key)).toList();
  }
}
