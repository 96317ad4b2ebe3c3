package io.crewexport.sink.duckdb.internal;

import java.nio.file.Path;
import java.sql.SQLException;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One export's turn to write a DuckDB file, with its own connection. Closing it closes the
 * connection, which rolls back a transaction still open, and hands the turn to the next export.
 */
public final class FileLease implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(FileLease.class);

  private final DuckDbFiles files;
  private final SharedFile file;
  private final DuckDBConnection connection;
  private boolean closed;

  FileLease(DuckDbFiles files, SharedFile file, DuckDBConnection connection) {
    this.files = files;
    this.file = file;
    this.connection = connection;
  }

  /** The database file. */
  public Path file() {
    return file.path();
  }

  /** This export's connection, in auto-commit mode until the export begins a transaction. */
  public DuckDBConnection connection() {
    return connection;
  }

  /** Closes the connection and ends the turn; does nothing the second time. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      connection.close();
    } catch (SQLException e) {
      log.warn("Closing a connection to DuckDB file {} failed: {}", file.path(), e.toString());
    } finally {
      files.leave(file, true);
    }
  }
}
