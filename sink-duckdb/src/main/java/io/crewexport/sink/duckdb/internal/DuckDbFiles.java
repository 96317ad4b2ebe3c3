package io.crewexport.sink.duckdb.internal;

import io.crewexport.sink.duckdb.DuckDbSinkConfig;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.duckdb.DuckDBConnection;

/**
 * The DuckDB database files this process writes, each opened once and shared by the exports to it.
 *
 * <p>DuckDB lets one process write a file, and one database instance in that process serve many
 * connections. Exports to the same file take turns, each holding its {@link FileLease} from open to
 * commit or abort, since two transactions that alter and replace rows of one table conflict. When
 * the last lease on a file ends, its database closes and other processes may open the file.
 *
 * <pre>{@code
 * try (FileLease lease = DuckDbFiles.shared().lease(config)) {
 *   lease.connection().createStatement().execute("BEGIN TRANSACTION");
 * }
 * }</pre>
 */
public final class DuckDbFiles {
  private static final DuckDbFiles SHARED = new DuckDbFiles();

  private final Map<Path, SharedFile> files = new HashMap<>();

  /**
   * The files of this process. There is one, as DuckDB's file locks and instance cache are per
   * process.
   */
  public static DuckDbFiles shared() {
    return SHARED;
  }

  /**
   * Waits for the turn to write {@code config.file()}, then returns a new connection to it with the
   * memory limit and threads of {@code config}.
   *
   * @throws IllegalStateException if this thread already holds a lease on the same file
   * @throws SQLException if DuckDB cannot open the file, for example when another process holds it
   * @throws InterruptedException if interrupted while waiting for the turn
   */
  public FileLease lease(DuckDbSinkConfig config) throws SQLException, InterruptedException {
    SharedFile file = join(config.file());
    try {
      file.awaitTurn();
    } catch (InterruptedException | RuntimeException e) {
      leave(file, false);
      throw e;
    }
    FileLease lease;
    try {
      lease = new FileLease(this, file, file.connect());
    } catch (SQLException | RuntimeException e) {
      leave(file, true);
      throw e;
    }
    try {
      apply(lease.connection(), config);
      return lease;
    } catch (SQLException | RuntimeException e) {
      lease.close();
      throw e;
    }
  }

  /** Ends a lease: the last one on a file closes its database. */
  void leave(SharedFile file, boolean hadTurn) {
    synchronized (files) {
      if (file.leave()) {
        file.close();
        files.remove(file.path());
      }
    }
    if (hadTurn) {
      file.endTurn();
    }
  }

  private SharedFile join(Path path) {
    synchronized (files) {
      SharedFile file = files.computeIfAbsent(path, SharedFile::new);
      file.join();
      return file;
    }
  }

  private static void apply(DuckDBConnection connection, DuckDbSinkConfig config)
      throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET memory_limit = " + Sql.literal(config.memoryLimit()));
      statement.execute("SET threads = " + config.threads());
      // Unordered, DuckDB's CSV reader inserts each thread's rows as they come, and sooner.
      statement.execute("SET preserve_insertion_order = " + config.keepRowOrder());
    }
  }
}
