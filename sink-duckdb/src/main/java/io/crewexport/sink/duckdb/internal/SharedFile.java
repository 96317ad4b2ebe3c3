package io.crewexport.sink.duckdb.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.Semaphore;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One database file this process writes: its turn to write, taken by one export at a time, and the
 * connection that keeps DuckDB's database instance open while any export uses it.
 */
final class SharedFile {
  private static final Logger log = LoggerFactory.getLogger(SharedFile.class);

  private final Path path;
  // A semaphore, not a lock: an export may be aborted from another thread than the one that
  // opened it, and must still hand the turn on.
  private final Semaphore turn = new Semaphore(1, true);
  private volatile Thread holder;
  private DuckDBConnection root;
  private int users;

  SharedFile(Path path) {
    this.path = path;
  }

  Path path() {
    return path;
  }

  /** Counts one more export that uses or waits for this file; guarded by the caller. */
  void join() {
    users++;
  }

  /** Counts one export less and says whether none is left; guarded by the caller. */
  boolean leave() {
    users--;
    return users == 0;
  }

  /**
   * Waits until no other export writes to this file.
   *
   * @throws IllegalStateException if this thread already has an export open on this file, which it
   *     would wait for forever
   */
  void awaitTurn() throws InterruptedException {
    if (holder == Thread.currentThread()) {
      throw new IllegalStateException(
          "this thread already has an export open on "
              + path
              + "; commit or abort it before opening the next");
    }
    turn.acquire();
    holder = Thread.currentThread();
  }

  /** Lets the next export write. */
  void endTurn() {
    holder = null;
    turn.release();
  }

  /** A new connection to the database, opening it first if needed; call only in one's turn. */
  DuckDBConnection connect() throws SQLException {
    if (root == null) {
      root = open();
    }
    return root.duplicate();
  }

  /** Closes the database instance; call only in one's turn, once no export uses the file. */
  void close() {
    if (root == null) {
      return;
    }
    try {
      root.close();
    } catch (SQLException e) {
      log.warn("Closing DuckDB file {} failed: {}", path, e.toString());
    }
    root = null;
  }

  private DuckDBConnection open() throws SQLException {
    try {
      Files.createDirectories(path.getParent());
    } catch (IOException e) {
      throw new SQLException("cannot create the folder " + path.getParent() + ": " + e, e);
    }
    // No connection properties: DuckDB refuses a second connection to a database it already has
    // open in this process when the two ask for different settings. Settings go by SET instead.
    return (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + path);
  }
}
