package io.crewexport;

/** What went wrong, as a stable code that callers and exit statuses can rely on. */
public enum ErrorCode {
  /** The request was refused before or by the vendor: bad report id, period or body. */
  INVALID_REQUEST,
  /** The credentials or token were refused. */
  UNAUTHORIZED,
  /** The vendor asked us to slow down ({@code 429}). */
  RATE_LIMITED,
  /** The vendor failed to generate the report ({@code 5xx}). */
  SERVER_ERROR,
  /** The network failed: refused connection, reset, timeout, or a body cut short. */
  TRANSPORT,
  /** The vendor answered something that is neither data, a job ticket nor a documented error. */
  UNEXPECTED_RESPONSE,
  /** A job id expired before its data was fetched. */
  JOB_EXPIRED,
  /** Every attempt allowed for a report failed; the vendor asks to be contacted. */
  GAVE_UP,
  /** The report body could not be read as CSV or JSON. */
  MALFORMED_REPORT,
  /**
   * The report came back empty or far smaller than the last good export of the same period, and was
   * not committed so that a glitch at the vendor cannot wipe good data.
   */
  SUSPICIOUS_REPORT,
  /** A sink failed to write or commit. */
  SINK_FAILED,
  /** The tool was configured or called wrongly. */
  CONFIGURATION,
  /** The export was interrupted (Ctrl-C, shutdown). */
  INTERRUPTED
}
