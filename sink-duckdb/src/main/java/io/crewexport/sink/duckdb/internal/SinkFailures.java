package io.crewexport.sink.duckdb.internal;

import io.crewexport.CrewexportException;
import io.crewexport.ErrorCode;
import io.crewexport.spi.ExportTarget;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns DuckDB's errors into one-line messages that name the export, the file and a next step. */
final class SinkFailures {
  private static final String LOCKED = "Could not set lock on file";
  private static final Pattern PID = Pattern.compile("PID \\d+");

  private SinkFailures() {}

  /** The failure of {@code action} (a verb, such as "commit") for {@code target}'s export. */
  static CrewexportException failed(
      ExportTarget target, Path file, String action, Throwable cause) {
    String reason = firstLine(cause);
    if (reason.contains(LOCKED)) {
      return locked(target, file, cause);
    }
    return new CrewexportException(
        ErrorCode.SINK_FAILED,
        "DuckDB sink could not "
            + action
            + ' '
            + target.describe()
            + " in "
            + file
            + ": "
            + reason
            + ". The table keeps its previous rows; fix the cause and run the export again.",
        cause);
  }

  /** DuckDB's CSV reader failed to load the spooled body of {@code target}'s export. */
  static CrewexportException notLoaded(ExportTarget target, Path file, Throwable cause) {
    return new CrewexportException(
        ErrorCode.SINK_FAILED,
        "DuckDB's CSV reader could not load the downloaded body of "
            + target.describe()
            + " into "
            + file
            + ": "
            + firstLine(cause)
            + ". Nothing of it is kept; the export writes the rows one by one instead.",
        cause);
  }

  /** The table holds another number of this export's rows than were written. */
  static CrewexportException notStored(
      ExportTarget target, Path file, String table, long written, long stored) {
    return new CrewexportException(
        ErrorCode.SINK_FAILED,
        "DuckDB sink wrote "
            + written
            + " rows of "
            + target.describe()
            + " but the table "
            + table
            + " in "
            + file
            + " holds "
            + stored
            + ", so nothing was committed. A constraint added to the table may have refused rows:"
            + " drop it, then run the export again.");
  }

  /** The export was interrupted while it waited for another export to the same file. */
  static CrewexportException interrupted(ExportTarget target, Path file, Throwable cause) {
    return new CrewexportException(
        ErrorCode.INTERRUPTED,
        "Interrupted while "
            + target.describe()
            + " waited for another export to DuckDB file "
            + file
            + "; nothing of it was written.",
        cause);
  }

  private static CrewexportException locked(ExportTarget target, Path file, Throwable cause) {
    Matcher pid = PID.matcher(cause.getMessage());
    String holder = pid.find() ? " (" + pid.group() + ")" : "";
    return new CrewexportException(
        ErrorCode.SINK_FAILED,
        "Cannot write "
            + target.describe()
            + ": DuckDB file "
            + file
            + " is locked by another process"
            + holder
            + ", another crewexport or a DuckDB client. Close it, or name another file with"
            + " --duckdb-file (option duckdb.file), then run again.",
        cause);
  }

  private static String firstLine(Throwable cause) {
    String message = cause.getMessage();
    if (message == null || message.isBlank()) {
      return cause.getClass().getSimpleName();
    }
    String line = message.strip().lines().findFirst().orElse("").strip();
    return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
  }
}
