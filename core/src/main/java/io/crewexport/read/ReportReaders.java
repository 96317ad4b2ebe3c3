package io.crewexport.read;

import java.nio.charset.Charset;
import java.nio.file.Path;

/** Opens the right reader for a downloaded body. */
public final class ReportReaders {
  private ReportReaders() {}

  /**
   * Opens {@code file} as JSON or CSV.
   *
   * @param source names the report in error messages
   */
  public static ReportReader open(Path file, Charset charset, boolean json, String source) {
    return json
        ? new JsonReportReader(file, charset, source)
        : new CsvReportReader(file, charset, source);
  }
}
