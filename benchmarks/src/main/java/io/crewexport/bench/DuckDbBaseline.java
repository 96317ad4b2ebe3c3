package io.crewexport.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * What a data engineer would run instead of us: DuckDB's own CSV reader, with its type detection,
 * loading the same file into Parquet, a table of a database file, or CSV.
 */
final class DuckDbBaseline implements ChildTask {

  /** The three loads we compare with. */
  enum Load {
    /** {@code COPY (SELECT * FROM read_csv(...)) TO 'x.parquet' (FORMAT parquet)}, snappy. */
    PARQUET,
    /** {@code CREATE TABLE report AS SELECT * FROM read_csv(...)} in a database file. */
    TABLE,
    /** {@code COPY (SELECT * FROM read_csv(...)) TO 'x.csv' (HEADER)}. */
    CSV
  }

  private final Load load;
  private final Path file;
  private final Path out;
  private final String memoryLimit;
  private final int threads;

  DuckDbBaseline(Load load, Path file, Path out, String memoryLimit, int threads) {
    this.load = load;
    this.file = file;
    this.out = out;
    this.memoryLimit = memoryLimit;
    this.threads = threads;
  }

  static DuckDbBaseline from(ChildArgs arguments) {
    return new DuckDbBaseline(
        Load.valueOf(arguments.get("load").toUpperCase(Locale.ROOT)),
        arguments.path("file"),
        arguments.path("out"),
        arguments.get("memory-limit"),
        Integer.parseInt(arguments.get("threads")));
  }

  @Override
  public Outcome run() throws Exception {
    Files.createDirectories(out);
    String source = "read_csv(" + literal(file) + ")";
    // Closing the connection is timed too: for a database file it writes the last checkpoint.
    try (Connection connection = DriverManager.getConnection(url());
        Statement statement = connection.createStatement()) {
      statement.execute("SET threads = " + threads);
      statement.execute("SET memory_limit = '" + memoryLimit + "'");
      return new Outcome(
          switch (load) {
            case PARQUET ->
                copy(statement, source, "parquet", "FORMAT parquet, COMPRESSION snappy");
            case CSV -> copy(statement, source, "csv", "HEADER");
            case TABLE -> createTable(statement, source);
          });
    }
  }

  private String url() throws java.io.IOException {
    if (load != Load.TABLE) {
      return "jdbc:duckdb:";
    }
    Path database = out.resolve("baseline.duckdb");
    Files.deleteIfExists(database);
    Files.deleteIfExists(out.resolve("baseline.duckdb.wal"));
    return "jdbc:duckdb:" + database;
  }

  private long copy(Statement statement, String source, String suffix, String options)
      throws SQLException {
    Path target = out.resolve("baseline." + suffix);
    return count(
        statement,
        "COPY (SELECT * FROM " + source + ") TO " + literal(target) + " (" + options + ")");
  }

  private static long createTable(Statement statement, String source) throws SQLException {
    statement.execute("CREATE TABLE report AS SELECT * FROM " + source);
    try (ResultSet result = statement.executeQuery("SELECT count(*) FROM report")) {
      result.next();
      return result.getLong(1);
    }
  }

  /** Runs a {@code COPY}, which answers with the number of rows it wrote. */
  private static long count(Statement statement, String sql) throws SQLException {
    return statement.executeLargeUpdate(sql);
  }

  private static String literal(Path path) {
    return "'" + path.toAbsolutePath().toString().replace("'", "''") + "'";
  }
}
