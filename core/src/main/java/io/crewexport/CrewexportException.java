package io.crewexport;

import static java.util.Objects.requireNonNull;

import io.crewexport.client.Secret;

/**
 * The one unchecked exception of crewexport. Its {@link #code()} says what kind of failure it is;
 * its message says what happened, to which report and period, and what the user can do.
 *
 * <p>Messages never carry a client secret or a token: a message that quotes one (from a server's
 * answer, say) is masked when the exception is made, see {@link Secret#redact}.
 */
public class CrewexportException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;

  public CrewexportException(ErrorCode code, String message) {
    super(Secret.redact(message));
    this.code = requireNonNull(code, "code");
  }

  public CrewexportException(ErrorCode code, String message, Throwable cause) {
    super(Secret.redact(message), cause);
    this.code = requireNonNull(code, "code");
  }

  /** The kind of failure. */
  public ErrorCode code() {
    return code;
  }
}
