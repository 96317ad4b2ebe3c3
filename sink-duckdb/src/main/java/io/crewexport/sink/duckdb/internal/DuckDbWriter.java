package io.crewexport.sink.duckdb.internal;

import io.crewexport.schema.ReportSchema;
import io.crewexport.sink.duckdb.DuckDbSinkConfig;
import io.crewexport.spi.AbstractSinkWriter;
import io.crewexport.spi.ExportTarget;
import io.crewexport.spi.Row;
import io.crewexport.spi.SinkResult;
import io.crewexport.spi.SpooledCsv;
import io.crewexport.spi.SpooledCsvLoader;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.locks.ReentrantLock;
import org.duckdb.DuckDBAppender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one export into its report table in one DuckDB transaction: opening migrates the table,
 * refuses a conflicting period (see {@link io.crewexport.spi.PeriodReplacement}) and deletes the
 * rows the export replaces, rows go in through DuckDB's appender, or all at once through DuckDB's
 * CSV reader when the export offers its spooled body ({@link #load}), and commit makes all of it
 * visible at once.
 *
 * <p>The writer holds its file's turn from open to commit or abort, so exports to one file follow
 * each other. DuckDB's appender is bound to the thread that creates it, so it is created with the
 * first row, on the thread that writes. A load may run on another thread, and an abort from any
 * thread stops a load still running before it rolls back.
 */
public final class DuckDbWriter extends AbstractSinkWriter implements SpooledCsvLoader {
  private static final Logger log = LoggerFactory.getLogger(DuckDbWriter.class);

  private final FileLease lease;
  private final ReportTable table;
  private final ReportSchema schema;
  private final ExportTarget target;
  private final List<TableColumn> columns;
  private final RowAppender rowAppender;
  // Held by a load and by commit and abort, which may come from other threads than the load's.
  private final ReentrantLock connectionTurn = new ReentrantLock();
  private final CancellableStatement loadStatement = new CancellableStatement();
  private DuckDBAppender appender;
  private boolean inTransaction = true;
  private boolean loadOffered;
  private boolean loaded;
  private boolean discarded;
  private long loadedRows;

  private DuckDbWriter(
      FileLease lease,
      ReportTable table,
      ReportSchema schema,
      ExportTarget target,
      List<TableColumn> columns) {
    this.lease = lease;
    this.table = table;
    this.schema = schema;
    this.target = target;
    this.columns = columns;
    this.rowAppender = RowAppender.plan(columns, schema, target);
  }

  /**
   * Waits for the file's turn, begins the transaction, brings the table up to {@code schema} and
   * deletes the rows this export replaces; none of it is visible before commit.
   */
  public static DuckDbWriter open(
      DuckDbFiles files, DuckDbSinkConfig config, ReportSchema schema, ExportTarget target) {
    FileLease lease = lease(files, config, target);
    ReportTable table = ReportTable.of(config, target);
    try {
      execute(lease, "BEGIN TRANSACTION");
      List<TableColumn> columns =
          new TableMigrator(lease.connection(), table)
              .migrate(ReportTable.wantedColumns(schema), ReportTable.comment(target));
      StoredPeriods.requireNoConflict(lease.connection(), table, target);
      execute(lease, "DELETE FROM " + table.sql() + " WHERE " + ReplacedRows.condition(target));
      log.debug("Opened {} in DuckDB file {}", target.describe(), lease.file());
      return new DuckDbWriter(lease, table, schema, target, columns);
    } catch (SQLException e) {
      // Closing the connection rolls the open transaction back.
      lease.close();
      throw SinkFailures.failed(target, lease.file(), "prepare the table for", e);
    } catch (RuntimeException e) {
      lease.close();
      throw e;
    }
  }

  /**
   * Inserts every data row of {@code body} with DuckDB's CSV reader, inside this export's
   * transaction, or declines where that reader would read the body otherwise than the export (see
   * {@link CsvBulkLoad#whyNot}). May run on another thread than the one that opened the writer.
   *
   * @throws io.crewexport.CrewexportException if DuckDB fails to read or convert the body; the
   *     export then aborts this writer
   * @throws IllegalStateException if called twice, after a row was written, or after an abort
   */
  @Override
  public OptionalLong load(SpooledCsv body) {
    connectionTurn.lock();
    try {
      requireFirstLoad();
      Optional<String> declined = CsvBulkLoad.whyNot(body, schema, columns);
      if (declined.isPresent()) {
        log.info(
            "{}: rows go to DuckDB one by one, as its CSV reader would read the body otherwise: {}",
            target.describe(),
            declined.get());
        return OptionalLong.empty();
      }
      String insert = CsvBulkLoad.insert(body, schema, columns, table, target);
      loadedRows = loadStatement.executeUpdate(lease.connection(), insert);
      loaded = true;
      log.debug("{}: DuckDB's CSV reader loaded {} rows", target.describe(), loadedRows);
      return OptionalLong.of(loadedRows);
    } catch (SQLException e) {
      throw SinkFailures.notLoaded(target, lease.file(), e);
    } finally {
      connectionTurn.unlock();
    }
  }

  @Override
  protected void append(Row row) {
    if (loaded) {
      throw new IllegalStateException("the rows were loaded from the spooled body already");
    }
    try {
      if (appender == null) {
        appender = lease.connection().createAppender(table.schema(), table.name());
      }
      rowAppender.append(appender, row);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "row " + (rowsWritten() + 1) + " of " + target.describe() + ": " + e.getMessage(), e);
    } catch (SQLException e) {
      throw SinkFailures.failed(
          target, lease.file(), "append row " + (rowsWritten() + 1) + " of", e);
    }
  }

  @Override
  protected SinkResult publish(long appendedRows) {
    long rows;
    connectionTurn.lock();
    try {
      rows = loadedRows + appendedRows;
      closeAppender();
      requireStored(rows);
      inTransaction = false;
      execute(lease, "COMMIT");
    } catch (SQLException e) {
      throw SinkFailures.failed(target, lease.file(), "commit", e);
    } finally {
      connectionTurn.unlock();
    }
    lease.close();
    log.debug("Committed {} rows of {} to DuckDB file {}", rows, target.describe(), lease.file());
    return new SinkResult(
        rows, table.location(lease.file()), List.of(), table.readQuery(lease.file()));
  }

  @Override
  protected void discard() {
    loadStatement.cancel();
    connectionTurn.lock();
    discarded = true;
    try {
      // The appender goes first: rows it still buffers would otherwise be flushed when the
      // connection closes, after the rollback, and be committed on their own. If it cannot be
      // closed, closing the connection with the transaction still open rolls everything back.
      if (closeAppenderQuietly() && inTransaction) {
        inTransaction = false;
        execute(lease, "ROLLBACK");
      }
    } catch (SQLException e) {
      throw SinkFailures.failed(target, lease.file(), "roll back", e);
    } finally {
      lease.close();
      connectionTurn.unlock();
    }
  }

  private void requireFirstLoad() {
    if (discarded) {
      throw new IllegalStateException("cannot load: this export was already aborted");
    }
    if (loadOffered || rowsWritten() > 0) {
      throw new IllegalStateException("a body is loaded at most once, and before any row");
    }
    loadOffered = true;
  }

  private boolean closeAppenderQuietly() {
    try {
      closeAppender();
      return true;
    } catch (SQLException | RuntimeException e) {
      log.debug("Closing the appender of an aborted export failed: {}", e.toString());
      return false;
    }
  }

  /** Flushes and closes the appender, if any. */
  private void closeAppender() throws SQLException {
    if (appender == null) {
      return;
    }
    DuckDBAppender closing = appender;
    appender = null;
    try {
      // close() alone swallows a failed flush, so flush first to hear of it.
      closing.flush();
    } finally {
      closing.close();
    }
  }

  // Also catches rows the appender dropped without an error, and a transaction DuckDB aborted:
  // COMMIT on an aborted transaction rolls back and reports no error.
  private void requireStored(long rows) throws SQLException {
    String sql = "SELECT count(*) FROM " + table.sql() + " WHERE " + ReplacedRows.condition(target);
    try (Statement statement = lease.connection().createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      result.next();
      long stored = result.getLong(1);
      if (stored != rows) {
        throw SinkFailures.notStored(target, lease.file(), table.sql(), rows, stored);
      }
    }
  }

  private static FileLease lease(DuckDbFiles files, DuckDbSinkConfig config, ExportTarget target) {
    try {
      return files.lease(config);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw SinkFailures.interrupted(target, config.file(), e);
    } catch (SQLException e) {
      throw SinkFailures.failed(target, config.file(), "open the database for", e);
    }
  }

  private static void execute(FileLease lease, String sql) throws SQLException {
    try (Statement statement = lease.connection().createStatement()) {
      statement.execute(sql);
    }
  }
}
