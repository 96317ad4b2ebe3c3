package io.crewexport.runner.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What an output folder holds, as a reader of the lake sees it: the files the published globs
 * ({@code **}{@code /*.parquet}, {@code **}{@code /*.csv}) match, with their checksums; the hidden
 * leftovers no glob matches; and the DuckDB tables, read through a fresh DuckDB connection.
 */
final class Lake {
  private static final PathMatcher PUBLISHED =
      FileSystems.getDefault().getPathMatcher("glob:**/*.{parquet,csv,csv.gz}");

  final Path root;

  Lake(Path root) {
    this.root = root;
  }

  /** Every file the published globs match, by path below the root, with its SHA-256. */
  Map<String, String> published() {
    Map<String, String> files = new TreeMap<>();
    for (Path file : files()) {
      if (PUBLISHED.matches(file)) {
        files.put(root.relativize(file).toString(), sha256(file));
      }
    }
    return files;
  }

  /** As above, only below {@code folder}, a path relative to the root. */
  Map<String, String> published(String folder) {
    Map<String, String> files = new TreeMap<>(published());
    files.keySet().removeIf(path -> !path.startsWith(folder + "/"));
    return files;
  }

  /** Files whose name starts with a dot: staging files and files moved aside, by path. */
  List<String> hidden() {
    return files().stream()
        .filter(file -> file.getFileName().toString().startsWith("."))
        .map(file -> root.relativize(file).toString())
        .toList();
  }

  /** The rows of the {@code table} of the DuckDB file, in a stable order, as one text. */
  String table(String schema, String table) throws SQLException {
    return query(
        "SELECT count(*) || ' rows, md5 ' || md5(string_agg(t::VARCHAR, '|' ORDER BY t::VARCHAR))"
            + " FROM lake."
            + schema
            + "."
            + table
            + " t");
  }

  /** The first column of the first row of {@code sql}, run with the DuckDB file as {@code lake}. */
  String query(String sql) throws SQLException {
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = db.createStatement()) {
      Path file = root.resolve("crewexport.duckdb");
      if (Files.exists(file)) {
        statement.execute("ATTACH '" + file + "' AS lake (READ_ONLY)");
      }
      try (ResultSet rows = statement.executeQuery(sql)) {
        rows.next();
        return rows.getString(1);
      }
    }
  }

  /**
   * The employee codes each sink holds for {@code reportId} below {@code prefix} (an account's
   * folder and DuckDB schema, or "" and "main"), sorted: what a reader of each sink gets.
   */
  Map<String, List<String>> codes(String prefix, String schema, String reportId)
      throws SQLException {
    String folder = root.resolve(prefix).toString();
    Map<String, List<String>> codes = new TreeMap<>();
    codes.put(
        "parquet",
        codes(
            "SELECT employee_code FROM read_parquet('"
                + folder
                + "/parquet/"
                + reportId
                + "/**/*.parquet')"));
    codes.put(
        "csv",
        codes(
            "SELECT \"Employee Code\" FROM read_csv('"
                + folder
                + "/csv/"
                + reportId
                + "/**/*.csv', header = true)"));
    codes.put(
        "duckdb",
        codes("SELECT employee_code FROM lake." + schema + "." + reportId.replace('.', '_')));
    return codes;
  }

  private List<String> codes(String sql) throws SQLException {
    String all = query("SELECT string_agg(c, ',' ORDER BY c) FROM (" + sql + ") AS t(c)");
    return all == null ? List.of() : List.of(all.split(","));
  }

  private List<Path> files() {
    if (!Files.exists(root)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .filter(file -> !root.relativize(file).startsWith("_crewexport"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String sha256(Path file) {
    try (InputStream in =
        new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Lists, for messages: every file below the root. */
  @Override
  public String toString() {
    List<String> names = new ArrayList<>();
    files().forEach(file -> names.add(root.relativize(file).toString()));
    return names.toString();
  }
}
