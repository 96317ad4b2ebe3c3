package io.crewexport.bench;

import java.util.Map;

/** The work one child JVM times. */
interface ChildTask {

  /** Does the work once. */
  Outcome run() throws Exception;

  /**
   * What the work did.
   *
   * @param rows data rows processed
   * @param phases named parts of the work, in seconds
   */
  record Outcome(long rows, Map<String, Double> phases) {
    Outcome(long rows) {
      this(rows, Map.of());
    }
  }
}
