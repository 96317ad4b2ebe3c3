package io.crewexport.sink.csv;

import io.crewexport.CrewexportException;
import io.crewexport.ErrorCode;
import io.crewexport.spi.ExportTarget;
import java.io.UncheckedIOException;

/** Builds the messages of the CSV sink's failures. */
final class Failures {
  private Failures() {}

  /**
   * A {@code SINK_FAILED} exception saying which export could not {@code action} which file, why,
   * and what the user can do.
   */
  static CrewexportException sinkFailed(
      ExportTarget target, String action, String path, Exception cause) {
    Throwable reason =
        cause instanceof UncheckedIOException unchecked ? unchecked.getCause() : cause;
    return new CrewexportException(
        ErrorCode.SINK_FAILED,
        "The csv sink could not "
            + action
            + " "
            + path
            + " for "
            + target.describe()
            + ": "
            + reason
            + ". Check that the folder is writable and the disk has space, then run the export"
            + " again; the earlier export of this period is unchanged.",
        cause);
  }
}
