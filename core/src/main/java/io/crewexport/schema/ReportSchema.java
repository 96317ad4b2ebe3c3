package io.crewexport.schema;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * The ordered columns of a report. Names are unique; headings may repeat, as the vendor's do.
 *
 * @param columns the columns, in the order of the report
 */
public record ReportSchema(List<Column> columns) {
  public ReportSchema {
    columns = List.copyOf(requireNonNull(columns, "columns"));
    Set<String> names = new HashSet<>();
    for (Column column : columns) {
      if (!names.add(column.name())) {
        throw new IllegalArgumentException("duplicate column name: " + column.name());
      }
    }
  }

  // Written out, identity first: each export checks that its converter follows its schema,
  // usually the same instance, and a record's generated equals costs a fresh JVM dozens of
  // generated method-handle classes at its first call.
  @Override
  public boolean equals(Object other) {
    return this == other || other instanceof ReportSchema that && columns.equals(that.columns);
  }

  @Override
  public int hashCode() {
    return columns.hashCode();
  }

  /** The number of columns. */
  public int size() {
    return columns.size();
  }

  /** The column at {@code index}, counting from 0. */
  public Column column(int index) {
    return columns.get(index);
  }

  /** The vendor headings, in order. */
  public List<String> headings() {
    return columns.stream().map(Column::heading).toList();
  }

  /** The safe names, in order. */
  public List<String> names() {
    return columns.stream().map(Column::name).toList();
  }

  /**
   * A short, stable fingerprint of names and types (not headings): equal for two exports whose
   * tables read together, different when a column was added, removed, renamed or retyped.
   */
  public String fingerprint() {
    StringBuilder text = new StringBuilder();
    for (Column column : columns) {
      text.append(column.name()).append(':').append(column.type()).append('\n');
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
