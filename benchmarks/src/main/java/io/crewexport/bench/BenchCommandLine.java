package io.crewexport.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/** The benchmark's command line, with how it ends on bad input. */
final class BenchCommandLine {
  private BenchCommandLine() {}

  /**
   * The command line: bad input (a file that is not a report, a folder that cannot be written) ends
   * with its message and exit code 1, not a stack trace; anything else as picocli reports it.
   */
  static CommandLine create() {
    CommandLine command = new CommandLine(new Bench());
    CommandLine.IExecutionExceptionHandler others = command.getExecutionExceptionHandler();
    return command.setExecutionExceptionHandler(
        (failure, line, parsed) -> {
          Throwable cause =
              failure instanceof UncheckedIOException unchecked ? unchecked.getCause() : failure;
          if (cause instanceof IOException) {
            line.getErr().println("crewexport-bench: " + cause.getMessage());
            return 1;
          }
          return others.handleExecutionException(failure, line, parsed);
        });
  }
}
