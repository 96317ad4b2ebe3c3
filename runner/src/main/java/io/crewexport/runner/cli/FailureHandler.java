package io.crewexport.runner.cli;

import io.crewexport.CrewexportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;

/**
 * Turns a failure that escapes a command into one line and an exit code. Expected failures carry
 * their own message; anything else is a bug, logged with its stack trace.
 */
public final class FailureHandler implements IExecutionExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(FailureHandler.class);

  @Override
  public int handleExecutionException(
      Exception exception, CommandLine command, CommandLine.ParseResult parseResult) {
    if (exception instanceof CrewexportException failure) {
      return exitCode(failure);
    }
    log.error("Unexpected failure; please report it with this trace", exception);
    return ExitCode.FAILED;
  }

  /** Logs {@code failure} as one line and returns its exit code. */
  public int exitCode(CrewexportException failure) {
    log.error("{}", failure.getMessage());
    return switch (failure.code()) {
      case UNAUTHORIZED -> ExitCode.AUTH;
      case CONFIGURATION, INVALID_REQUEST -> ExitCode.USAGE;
      default -> ExitCode.FAILED;
    };
  }
}
