package io.crewexport.read;

import io.crewexport.schema.RowCells;
import io.crewexport.schema.TypeInference;
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

  /**
   * Feeds every remaining row of {@code reader} to {@code inference}, the cells looked at where the
   * reader holds them ({@link ReportReader#nextCells}), and stops reading the text of each column
   * as soon as inference has settled it as TEXT.
   *
   * @return the rows read
   */
  public static long inferAll(ReportReader reader, TypeInference inference) {
    long rows = 0;
    boolean[] skipped = null;
    for (RowCells cells; (cells = reader.nextCells()) != null; rows++) {
      inference.accept(cells);
      if (inference.textOnly() != skipped) {
        skipped = inference.textOnly();
        reader.skipText(skipped);
      }
    }
    return rows;
  }
}
