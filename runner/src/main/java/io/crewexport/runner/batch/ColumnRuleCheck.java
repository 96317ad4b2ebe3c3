package io.crewexport.runner.batch;

import io.crewexport.CrewexportException;
import io.crewexport.ErrorCode;
import io.crewexport.runner.config.ReportConfig.ColumnAction;
import io.crewexport.schema.Column;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Refuses an export whose {@code columns:} rules name a column the downloaded report does not have.
 * A rule exists to keep personal data out; one that matches nothing, by a typo or because the
 * vendor renamed the heading, would let that data out in clear, so the export fails before any sink
 * opens.
 */
final class ColumnRuleCheck {
  /** Up to this many headings, the message lists them all; beyond, the closest few. */
  private static final int ALL_HEADINGS = 6;

  private static final int CLOSEST = 3;

  private ColumnRuleCheck() {}

  /**
   * Throws a configuration error naming {@code export} if a key of {@code rules} is neither a
   * heading nor a safe name of {@code columns}, the columns of the body as downloaded.
   */
  static void requireMatches(String export, Map<String, ColumnAction> rules, List<Column> columns) {
    Set<String> known = new HashSet<>();
    columns.forEach(column -> known.addAll(List.of(column.heading(), column.name())));
    Map<String, ColumnAction> unmatched = new TreeMap<>(rules);
    unmatched.keySet().removeAll(known);
    if (unmatched.isEmpty()) {
      return;
    }
    List<String> headings = columns.stream().map(Column::heading).toList();
    StringBuilder message = new StringBuilder(export).append(": ");
    unmatched.forEach(
        (key, action) ->
            message
                .append("the column rule '")
                .append(key)
                .append(": ")
                .append(action.name().toLowerCase(Locale.ROOT))
                .append("' names no column of the report")
                .append(headings.size() > ALL_HEADINGS ? " (closest headings: " : " (headings: ")
                .append(quoted(closest(key, headings)))
                .append("); "));
    message.append(
        "nothing was written, so any earlier export stays. Fix the key under the report's"
            + " columns: in the config to a heading exactly as the report sends it, or its safe"
            + " name.");
    throw new CrewexportException(ErrorCode.CONFIGURATION, message.toString());
  }

  /** All {@code headings} if they are few, else the ones nearest {@code key} in spelling. */
  private static List<String> closest(String key, List<String> headings) {
    if (headings.size() <= ALL_HEADINGS) {
      return headings;
    }
    String wanted = key.toLowerCase(Locale.ROOT);
    List<String> sorted = new ArrayList<>(new LinkedHashSet<>(headings));
    sorted.sort(Comparator.comparingInt(h -> distance(wanted, h.toLowerCase(Locale.ROOT))));
    return sorted.subList(0, Math.min(CLOSEST, sorted.size()));
  }

  private static String quoted(List<String> headings) {
    return String.join(", ", headings.stream().map(h -> "'" + h + "'").toList());
  }

  /** The Levenshtein distance: single-character inserts, deletes and replacements. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int replace = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(replace, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
