package io.crewexport.spi;

import static java.util.Objects.requireNonNull;

import io.crewexport.CrewexportException;
import io.crewexport.ErrorCode;
import io.crewexport.Period;
import io.crewexport.schema.ColumnNames;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where and for what one export is written: the report, its period, the run, and the output root
 * shared by every sink of the run.
 *
 * @param reportId the vendor's report id (already validated: safe in a path)
 * @param period the requested period, or {@code null} for a snapshot
 * @param runId an id for this run, safe in a file name, unique per run
 * @param extractedAt when the report was downloaded, in UTC
 * @param outputRoot the output root: a local path or a Hadoop file system URI
 * @param options sink options by key, such as {@code duckdb.file}
 */
public record ExportTarget(
    String reportId,
    Period period,
    String runId,
    Instant extractedAt,
    String outputRoot,
    Map<String, String> options) {
  /**
   * Sink option, the same key for every sink: {@code true} keeps a stored export whose period
   * overlaps this one's without lying inside it, where a sink would otherwise refuse the export
   * (see {@link PeriodReplacement}); default {@code false}.
   */
  public static final String ALLOW_OVERLAP = "allow-overlap";

  private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  public ExportTarget {
    requireNonNull(reportId, "reportId");
    requireNonNull(runId, "runId");
    requireNonNull(extractedAt, "extractedAt");
    requireNonNull(outputRoot, "outputRoot");
    options = Map.copyOf(requireNonNull(options, "options"));
    if (!RUN_ID.matcher(runId).matches()) {
      throw new IllegalArgumentException("run id must be letters, digits, '-' or '_': " + runId);
    }
  }

  /** The period, or empty for a snapshot. */
  public Optional<Period> optionalPeriod() {
    return Optional.ofNullable(period);
  }

  /**
   * A glob matching the partition folders of every export of this one's kind under a report's
   * folder: {@code start_date=*}{@code /end_date=*} for periods, {@code snapshot_date=*} for
   * snapshots. The two kinds' folders carry different keys, which a hive-partitioned read of both
   * at once refuses.
   */
  public String partitionGlob() {
    return period == null ? "snapshot_date=*" : "start_date=*/end_date=*";
  }

  /** The day a snapshot is filed under: the UTC date of extraction. */
  public LocalDate snapshotDate() {
    return extractedAt.atOffset(ZoneOffset.UTC).toLocalDate();
  }

  /**
   * The partition path of this export below a report folder, as hive-style folders: {@code
   * start_date=2024-01-01/end_date=2024-12-31}, or {@code snapshot_date=2024-12-04}.
   */
  public String partitionPath() {
    if (period == null) {
      return "snapshot_date=" + snapshotDate();
    }
    return "start_date=" + period.start() + "/end_date=" + period.end();
  }

  /** The report id as a table name: {@code oneonone.summary} becomes {@code oneonone_summary}. */
  public String tableName() {
    return tableNameOf(reportId);
  }

  /**
   * The table name of {@code reportId}, as {@link #tableName()} gives it. Different ids can fold to
   * the same name ({@code r.1} and {@code r-1} both become {@code r_1}), which a runner checks for
   * before it exports.
   */
  public static String tableNameOf(String reportId) {
    // A table is no column: the partition keys that column names avoid are free here, and a
    // report's table keeps the name it always had.
    return ColumnNames.of(List.of(reportId), ColumnNames.PARTITION_KEYS).get(0);
  }

  /** The option {@code key}, or empty. */
  public Optional<String> option(String key) {
    return Optional.ofNullable(options.get(key));
  }

  /**
   * The error for option {@code key} set to {@code value}, which the sink does not accept; it names
   * this export and what would be accepted.
   */
  public CrewexportException invalidOption(String key, String value, String accepted) {
    return new CrewexportException(
        ErrorCode.CONFIGURATION,
        "Option " + key + " of " + describe() + " is '" + value + "': set it to " + accepted + ".");
  }

  /**
   * Whether option {@link #ALLOW_OVERLAP} is {@code true}.
   *
   * @throws CrewexportException {@code CONFIGURATION} if it is neither {@code true} nor {@code
   *     false}
   */
  public boolean allowsOverlap() {
    String value = option(ALLOW_OVERLAP).orElse("false").trim().toLowerCase(Locale.ROOT);
    if (!value.equals("true") && !value.equals("false")) {
      throw new CrewexportException(
          ErrorCode.CONFIGURATION,
          "Option "
              + ALLOW_OVERLAP
              + " of "
              + describe()
              + " is '"
              + options.get(ALLOW_OVERLAP)
              + "': set it to true or false.");
    }
    return value.equals("true");
  }

  /** The report id and period as users read them in messages. */
  public String describe() {
    return reportId + " [" + (period == null ? "snapshot " + snapshotDate() : period) + "]";
  }
}
