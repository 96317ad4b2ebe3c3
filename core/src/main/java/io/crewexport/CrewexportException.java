package io.crewexport;

import static java.util.Objects.requireNonNull;

/**
 * The one unchecked exception of crewexport. Its {@link #code()} says what kind of failure it is;
 * its message says what happened, to which report and period, and what the user can do.
 *
 * <p>Messages never carry a client secret or a token.
 */
public class CrewexportException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;

  public CrewexportException(ErrorCode code, String message) {
    super(message);
    this.code = requireNonNull(code, "code");
  }

  public CrewexportException(ErrorCode code, String message, Throwable cause) {
    super(message, cause);
    this.code = requireNonNull(code, "code");
  }

  /** The kind of failure. */
  public ErrorCode code() {
    return code;
  }
}
