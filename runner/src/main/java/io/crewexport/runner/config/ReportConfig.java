package io.crewexport.runner.config;

import io.crewexport.ContentType;
import io.crewexport.ReportRequest;
import io.crewexport.schema.ColumnType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One report of the batch. Unset fields take the config's {@code defaults}.
 *
 * @param id the report id agreed with Crewmojo
 * @param account the account's name; may be left out when there is one account
 * @param period the period (default {@code none}: a snapshot)
 * @param initialStart where {@code since-last-run} starts when nothing was exported yet
 * @param window splits the period into one request per day, month, quarter or year
 * @param format {@code csv} or {@code json}
 * @param sinks the sinks to write to
 * @param options sink options, added to the defaults' options
 * @param columns per-column transforms by vendor heading: {@code drop} or {@code hash}
 * @param pins per-column types by vendor heading or safe name
 * @param allText whether every column is text
 * @param splitOnTimeout whether a window that keeps timing out at the vendor is split in two
 */
public record ReportConfig(
    String id,
    String account,
    PeriodSpec period,
    LocalDate initialStart,
    Window window,
    ContentType format,
    List<String> sinks,
    Map<String, String> options,
    Map<String, ColumnAction> columns,
    Map<String, ColumnType> pins,
    Boolean allText,
    Boolean splitOnTimeout) {
  public ReportConfig {
    if (id == null) {
      throw new IllegalArgumentException("every report needs an id");
    }
    ReportRequest.snapshot(id, ContentType.CSV);
    if (period != null && period.sinceLastRun() && initialStart == null) {
      throw new IllegalArgumentException(
          "since-last-run needs initial-start: the first day to export on the first run");
    }
    if (window != null && period != null && period.snapshot()) {
      throw new IllegalArgumentException("a snapshot (period none) cannot have a window");
    }
    sinks = sinks == null ? null : List.copyOf(sinks);
    options = options == null ? Map.of() : Map.copyOf(options);
    columns = columns == null ? Map.of() : Map.copyOf(columns);
    pins = pins == null ? Map.of() : Map.copyOf(pins);
  }

  /** What to do with a column of personal data. */
  public enum ColumnAction {
    /** Leave the column out. */
    DROP,
    /** Replace each value with its salted SHA-256, so joins still work. */
    HASH;

    @com.fasterxml.jackson.annotation.JsonCreator
    public static ColumnAction parse(String text) {
      return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
        case "drop" -> DROP;
        case "hash" -> HASH;
        default -> throw new IllegalArgumentException("'" + text + "' is not drop or hash");
      };
    }
  }
}
