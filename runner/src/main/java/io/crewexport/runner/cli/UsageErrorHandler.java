package io.crewexport.runner.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Reports a command-line mistake as one line that says where the options are, with picocli's
 * suggestions for a mistyped option, and exit code 2. Picocli's default prints the whole usage
 * help, which buries the one line that matters.
 */
public final class UsageErrorHandler implements IParameterExceptionHandler {
  @Override
  public int handleParseException(ParameterException failure, String[] args) {
    CommandLine command = failure.getCommandLine();
    PrintWriter err = command.getErr();
    String message = failure.getMessage();
    err.println(
        message
            + (message.endsWith(".") ? " See '" : ". See '")
            + command.getCommandSpec().qualifiedName()
            + " --help'.");
    UnmatchedArgumentException.printSuggestions(failure, err);
    err.flush();
    return ExitCode.USAGE;
  }
}
