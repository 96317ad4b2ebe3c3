package io.crewexport.schema;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the vendor's headings into unique, safe column names: lower snake case ASCII, starting with
 * a letter, the same run after run.
 *
 * <pre>{@code
 * ColumnNames.of(List.of("Last 1-on-1 (12 months)", "D.O.B", "Active Division  Teams",
 *     "Active Division  Teams"))
 * // [last_1_on_1_12_months, d_o_b, active_division_teams, active_division_teams_2]
 * }</pre>
 *
 * <p>No name is a {@linkplain #PARTITION_KEYS partition key}: {@code Start Date} becomes {@code
 * start_date_2}, numbered as a repeated heading is.
 */
public final class ColumnNames {
  private static final Pattern SAFE = Pattern.compile("[a-z][a-z0-9_]{0,127}");
  private static final Pattern APOSTROPHES = Pattern.compile("['\u2019`]");
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern SEPARATORS = Pattern.compile("[^a-z0-9]+");
  private static final int MAX_LENGTH = 120;

  /**
   * The keys of the hive-style partition folders of the Parquet and CSV sinks ({@code
   * start_date=2024-01-01/end_date=2024-12-31}, {@code snapshot_date=2024-12-04}). A reader that
   * takes columns from the path shows the folder's value in place of a column of the same name, so
   * no column is given one.
   */
  public static final Set<String> PARTITION_KEYS =
      Set.of("start_date", "end_date", "snapshot_date");

  private ColumnNames() {}

  /** Whether {@code name} is a safe column name. */
  public static boolean isSafe(String name) {
    return SAFE.matcher(name).matches();
  }

  /** Safe, unique names for {@code headings}, in the same order, none a partition key. */
  public static List<String> of(List<String> headings) {
    return of(headings, Set.of());
  }

  /**
   * As {@link #of(List)}, except that the partition keys in {@code kept} are given out like any
   * other name: for a name that is no column, such as a DuckDB table's.
   */
  public static List<String> of(List<String> headings, Set<String> kept) {
    List<String> names = new ArrayList<>(headings.size());
    Set<String> taken = new HashSet<>(PARTITION_KEYS);
    taken.removeAll(kept);
    for (int i = 0; i < headings.size(); i++) {
      String base = base(headings.get(i), i + 1);
      String name = base;
      for (int n = 2; !taken.add(name); n++) {
        name = base + "_" + n;
      }
      names.add(name);
    }
    return names;
  }

  /** The safe form of one heading, before duplicates are numbered. */
  static String base(String heading, int position) {
    String ascii =
        MARKS.matcher(Normalizer.normalize(heading, Normalizer.Form.NFKD)).replaceAll("");
    String lower = APOSTROPHES.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("");
    String snake = trimUnderscores(SEPARATORS.matcher(lower).replaceAll("_"));
    if (snake.isEmpty()) {
      return "column_" + position;
    }
    if (!Character.isLetter(snake.charAt(0))) {
      snake = "c_" + snake;
    }
    return snake.length() > MAX_LENGTH ? trimUnderscores(snake.substring(0, MAX_LENGTH)) : snake;
  }

  private static String trimUnderscores(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && text.charAt(start) == '_') {
      start++;
    }
    while (end > start && text.charAt(end - 1) == '_') {
      end--;
    }
    return text.substring(start, end);
  }
}
