package io.crewexport.runner.batch;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.crewexport.export.RowTransform;
import io.crewexport.runner.config.ReportConfig.ColumnAction;
import io.crewexport.schema.Column;
import io.crewexport.schema.ColumnType;
import io.crewexport.schema.ReportSchema;
import io.crewexport.spi.Row;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Drops or hashes columns of personal data before any sink sees them. A hashed value is the hex
 * SHA-256 of the salt and the value's text, so equal values still join and the salt keeps
 * dictionary guesses out. Columns are named by vendor heading or safe name.
 */
final class ColumnTransforms implements RowTransform {
  private final ReportSchema output;
  private final int[] sources;
  private final boolean[] hashed;
  private final byte[] salt;

  private ColumnTransforms(ReportSchema output, int[] sources, boolean[] hashed, byte[] salt) {
    this.output = output;
    this.sources = sources;
    this.hashed = hashed;
    this.salt = salt;
  }

  /**
   * The transform of {@code actions} over {@code schema}; {@code salt} may be null if none hash.
   */
  static RowTransform of(ReportSchema schema, Map<String, ColumnAction> actions, String salt) {
    if (actions.isEmpty()) {
      return RowTransform.identity(schema);
    }
    List<Column> columns = new ArrayList<>();
    List<Integer> sources = new ArrayList<>();
    List<Boolean> hashed = new ArrayList<>();
    for (int i = 0; i < schema.size(); i++) {
      Column column = schema.column(i);
      ColumnAction action = actions.getOrDefault(column.heading(), actions.get(column.name()));
      if (action == ColumnAction.DROP) {
        continue;
      }
      boolean hash = action == ColumnAction.HASH;
      columns.add(hash ? column.withType(ColumnType.TEXT) : column);
      sources.add(i);
      hashed.add(hash);
    }
    boolean[] hashFlags = new boolean[hashed.size()];
    for (int i = 0; i < hashFlags.length; i++) {
      hashFlags[i] = hashed.get(i);
    }
    return new ColumnTransforms(
        new ReportSchema(columns),
        sources.stream().mapToInt(Integer::intValue).toArray(),
        hashFlags,
        salt == null ? new byte[0] : salt.getBytes(UTF_8));
  }

  @Override
  public ReportSchema schema() {
    return output;
  }

  @Override
  public Row apply(Row row) {
    Object[] values = new Object[sources.length];
    for (int i = 0; i < sources.length; i++) {
      Object value = row.get(sources[i]);
      values[i] = hashed[i] && value != null ? hash(value) : value;
    }
    return Row.wrap(values);
  }

  private String hash(Object value) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(salt);
      return HexFormat.of().formatHex(digest.digest(value.toString().getBytes(UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
