package io.crewexport.runner.cli;

import io.crewexport.ErrorCode;

/** The process's exit statuses, documented in {@code --help} and the README. */
public final class ExitCode {
  /** Every export committed. */
  public static final int OK = 0;

  /** Something unexpected: a bug, or a failure with no better code. */
  public static final int FAILED = 1;

  /**
   * The command line or configuration is wrong: nothing was exported, or an export whose report
   * configuration is wrong (a column rule naming no column, say) failed and the others went on.
   */
  public static final int USAGE = 2;

  /** Crewmojo refused the credentials. */
  public static final int AUTH = 3;

  /** Some exports failed; the others committed. */
  public static final int SOME_FAILED = 4;

  /** The lines {@code --help} prints. */
  public static final String HELP =
      "Exit codes: 0 all exported; 1 unexpected failure; 2 usage or configuration error;"
          + " 3 Crewmojo refused the credentials; 4 some exports failed (the others committed).";

  private ExitCode() {}

  /** The exit code for a batch whose worst failure had {@code code}. */
  public static int of(ErrorCode code) {
    return switch (code) {
      case UNAUTHORIZED -> AUTH;
      case CONFIGURATION -> USAGE;
      default -> SOME_FAILED;
    };
  }
}
