package io.crewexport.spi;

import io.crewexport.schema.ReportSchema;
import java.util.Set;

/**
 * A destination for reports: Parquet files, a DuckDB table, CSV files, or a user's own.
 *
 * <p>A sink is shared by every export of a run and may be asked to {@link #open} several exports at
 * once from different threads; each returned {@link SinkWriter} is used by one thread.
 *
 * <pre>{@code
 * final class JsonLinesSink implements ReportSink {
 *   public String name() { return "jsonl"; }
 *   public SinkWriter open(ReportSchema schema, ExportTarget target) {
 *     return new JsonLinesWriter(schema, target);   // writes to a staging file
 *   }
 * }
 * }</pre>
 *
 * <p>Core's test-jar ({@code crewexport-core}, type {@code test-jar}) holds {@code
 * io.crewexport.testing.SinkContractTest}, the tests every sink must pass, and {@code
 * FileSinkContractTest} for sinks that write partition folders of files.
 */
public interface ReportSink {

  /** The name users give this sink on the command line and in the config, e.g. {@code parquet}. */
  String name();

  /**
   * The option keys this sink reads, each its {@link #name()}, a dot and a word, such as {@code
   * csv.gzip}. The runner refuses any other key that starts with this sink's name and a dot, so
   * that a misspelt option fails the config instead of being ignored. The default, no keys, leaves
   * the sink's keys unchecked.
   */
  default Set<String> optionKeys() {
    return Set.of();
  }

  /**
   * Checks, while the report downloads and before its schema is known, what can be checked already:
   * that the destination is reachable and the sink's settings and libraries work here (a file
   * system's credentials, a compression codec, a native library), so that an export bound to fail
   * fails in seconds rather than after a long download; and loads what {@link #open} will need. The
   * exporter calls it on a thread of its own for every export, and waits for it before it reads the
   * body. It must be cheap when repeated, and must leave nothing behind that readers see. The
   * default does nothing.
   *
   * @throws io.crewexport.CrewexportException with code {@code CONFIGURATION} or {@code
   *     SINK_FAILED} if the export cannot succeed; any other exception fails the export as {@code
   *     SINK_FAILED}
   */
  default void prepare(ExportTarget target) {}

  /**
   * Starts one export. Nothing the returned writer writes may be visible to readers before its
   * {@link SinkWriter#commit()} returns.
   *
   * @throws io.crewexport.CrewexportException with code {@code SINK_FAILED} if the destination
   *     cannot be prepared, or {@code CONFIGURATION} if the sink holds an export of the report
   *     whose period conflicts with this one's (see {@link PeriodReplacement}); nothing is left
   *     behind then
   */
  SinkWriter open(ReportSchema schema, ExportTarget target);
}
