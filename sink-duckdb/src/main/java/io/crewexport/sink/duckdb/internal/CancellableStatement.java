package io.crewexport.sink.duckdb.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One long statement, such as a bulk load, that another thread may stop while it runs: {@link
 * #cancel} interrupts it in DuckDB, and keeps it from starting if it has not yet.
 */
final class CancellableStatement {
  private static final Logger log = LoggerFactory.getLogger(CancellableStatement.class);

  private volatile Statement running;
  private volatile boolean cancelled;

  /**
   * Runs {@code sql} on {@code connection} and returns the number of rows it changed.
   *
   * @throws SQLException if DuckDB fails it, or it was cancelled before or while it ran
   */
  long executeUpdate(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      running = statement;
      try {
        // Read after running is set, as cancel reads running after it sets cancelled: one of the
        // two sees the other, so a cancel never waits for a whole statement it could have stopped.
        if (cancelled) {
          throw new SQLException("the export was aborted");
        }
        return statement.executeLargeUpdate(sql);
      } finally {
        running = null;
      }
    }
  }

  /** Interrupts the statement if it runs, and keeps it from starting if it has not. */
  void cancel() {
    cancelled = true;
    Statement statement = running;
    if (statement == null) {
      return;
    }
    try {
      statement.cancel();
    } catch (SQLException e) {
      log.debug("Cancelling a statement failed: {}", e.toString());
    }
  }
}
