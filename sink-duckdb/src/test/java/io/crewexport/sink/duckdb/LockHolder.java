package io.crewexport.sink.duckdb;

import io.crewexport.testing.DuckDb;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Run in a separate JVM: opens the DuckDB file named by its argument, says {@code locked}, and
 * holds the file until its standard input ends.
 */
final class LockHolder {
  private LockHolder() {}

  public static void main(String[] args) throws SQLException, IOException {
    try (Connection connection = DuckDb.connect(Path.of(args[0]))) {
      System.out.println(connection.isValid(1) ? "locked" : "not connected");
      System.out.flush();
      while (System.in.read() != -1) {
        // Holds the lock until the test closes our input.
      }
    }
  }

  /** Starts a JVM that holds {@code file} and returns once it does. */
  static Process hold(Path file) throws IOException {
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m",
                "-cp",
                System.getProperty("java.class.path"),
                LockHolder.class.getName(),
                file.toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    String line =
        new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream()))
            .readLine();
    if (!"locked".equals(line)) {
      process.destroyForcibly();
      throw new IllegalStateException("the lock holder did not start: " + line);
    }
    return process;
  }
}
