package io.crewexport.export;

import static java.util.Objects.requireNonNull;

import io.crewexport.CrewexportException;

/**
 * An export that committed to some of its sinks before another sink failed to commit: those commits
 * stand (a sink cannot take a commit back), the other sinks were aborted. {@link #result()} holds
 * what did commit, so that state and manifest can record it.
 */
public final class PartialCommitException extends CrewexportException {
  private static final long serialVersionUID = 1L;

  private final transient ExportResult result;

  PartialCommitException(CrewexportException failure, ExportResult result) {
    super(failure.code(), failure.getMessage(), failure.getCause());
    this.result = requireNonNull(result, "result");
  }

  /** The export as far as it committed: {@link ExportResult#sinks()} holds the committed sinks. */
  public ExportResult result() {
    return result;
  }
}
