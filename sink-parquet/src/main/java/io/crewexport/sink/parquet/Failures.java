package io.crewexport.sink.parquet;

import io.crewexport.CrewexportException;
import io.crewexport.ErrorCode;
import io.crewexport.spi.ExportTarget;
import java.io.UncheckedIOException;

/** Builds the messages of the Parquet sink's failures. */
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
        "The parquet sink could not "
            + action
            + " "
            + path
            + " for "
            + target.describe()
            + ": "
            + reason
            + ". Check that the output folder is writable and has space (for hdfs:// or s3a://,"
            + " that it is reachable with the Hadoop settings on the class path), then run the"
            + " export again; the earlier export of this period is unchanged.",
        cause);
  }
}
