package io.crewexport.sink.duckdb;

import static java.util.Objects.requireNonNull;

import io.crewexport.CrewexportException;
import io.crewexport.ErrorCode;
import io.crewexport.schema.ReportSchema;
import io.crewexport.sink.duckdb.internal.DuckDbFiles;
import io.crewexport.sink.duckdb.internal.DuckDbWriter;
import io.crewexport.spi.ExportTarget;
import io.crewexport.spi.ReportSink;
import io.crewexport.spi.SinkWriter;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Writes each report into a table of a DuckDB database file, one transaction per export.
 *
 * <pre>{@code
 * ReportSink sink = new DuckDbSink();
 * try (SinkWriter writer = sink.open(schema, target)) {
 *   rows.forEach(writer::write);
 *   SinkResult result = writer.commit(); // location: <file>#main.oneonone_summary
 * }
 * }</pre>
 *
 * <p>The file is {@code <outputRoot>/crewexport.duckdb} unless the option {@code duckdb.file} names
 * another; see {@link DuckDbSinkConfig} for every option. Report {@code oneonone.summary} goes to
 * table {@code main.oneonone_summary}: the report's columns, with the vendor's headings as column
 * comments, then the lineage columns {@code _period_start}, {@code _period_end}, {@code
 * _snapshot_date}, {@code _extracted_at} and {@code _run_id}. An export replaces the rows of every
 * earlier export of the same report whose period lies inside its own (of the same day, for a
 * snapshot), and refuses to run if the table holds a period that overlaps its own without lying
 * inside it, unless the option {@code allow-overlap} is {@code true}: the rule of {@link
 * io.crewexport.spi.PeriodReplacement}, which the file sinks follow too. Columns are added as
 * reports gain them and never dropped; a column whose values no longer fit its type is widened
 * (whole numbers to decimals, anything else to text). An export's rows land in no particular order,
 * as DuckDB's parallel CSV reader inserts them, unless {@code duckdb.keep-row-order} is {@code
 * true}.
 *
 * <p>Exports to one file in this process share one DuckDB instance and write one after another:
 * {@link #open} waits while another export to the file is open, so a thread must commit or abort
 * its export before it opens the next on the same file. DuckDB lets a single process write a file;
 * while this one does, other processes, the {@code duckdb} CLI included, cannot open it.
 */
public final class DuckDbSink implements ReportSink {
  // Whether an in-memory database opened in this process: DuckDB's library is loaded for good.
  private static final AtomicBoolean STARTED = new AtomicBoolean();

  private final DuckDbFiles files = DuckDbFiles.shared();

  @Inject
  public DuckDbSink() {}

  @Override
  public String name() {
    return "duckdb";
  }

  @Override
  public Set<String> optionKeys() {
    return DuckDbSinkConfig.KEYS;
  }

  /**
   * Reads the options, and loads DuckDB's native library by opening an in-memory database, so that
   * a library that does not load on this machine (an unsupported platform, a temporary folder
   * mounted {@code noexec}) fails before the download ends; once per process, after the first
   * success. The database file opens only in {@link #open}.
   */
  @Override
  public void prepare(ExportTarget target) {
    requireNonNull(target, "target");
    DuckDbSinkConfig.from(target);
    if (STARTED.get()) {
      return;
    }
    try (Connection inMemory = DriverManager.getConnection("jdbc:duckdb:")) {
      STARTED.set(true);
    } catch (SQLException | LinkageError e) {
      throw new CrewexportException(
          ErrorCode.SINK_FAILED,
          "DuckDB does not start on this machine, so the duckdb sink cannot write "
              + target.describe()
              + ": "
              + e
              + ". Nothing was written; check that the JVM may load the native library DuckDB"
              + " unpacks into java.io.tmpdir (not mounted noexec), or leave the duckdb sink out.",
          e);
    }
  }

  @Override
  public SinkWriter open(ReportSchema schema, ExportTarget target) {
    requireNonNull(schema, "schema");
    requireNonNull(target, "target");
    return DuckDbWriter.open(files, DuckDbSinkConfig.from(target), schema, target);
  }
}
