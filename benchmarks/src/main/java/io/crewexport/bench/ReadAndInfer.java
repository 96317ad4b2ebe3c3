package io.crewexport.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.crewexport.read.CsvReportReader;
import io.crewexport.read.ReportReader;
import io.crewexport.schema.RowCells;
import io.crewexport.schema.TypeInference;
import java.nio.file.Path;
import java.util.Map;

/**
 * The exporter's first pass over a spooled file, alone: {@link CsvReportReader} reads every row and
 * {@link TypeInference} types the columns, as {@code ReportExporter} does before it writes: cells
 * looked at where the reader holds them, columns settled as text no longer read.
 */
final class ReadAndInfer implements ChildTask {
  private final Path file;

  ReadAndInfer(Path file) {
    this.file = file;
  }

  @Override
  public Outcome run() {
    long rows = 0;
    try (ReportReader reader = new CsvReportReader(file, UTF_8, file.getFileName().toString())) {
      TypeInference inference = new TypeInference(reader.headings());
      boolean[] skipped = null;
      for (RowCells cells; (cells = reader.nextCells()) != null; rows++) {
        inference.accept(cells);
        if (inference.textOnly() != skipped) {
          skipped = inference.textOnly();
          reader.skipText(skipped);
        }
      }
      // The schema's columns count as output, so the inference cannot be optimised away.
      return new Outcome(rows, Map.of("columns", (double) inference.schema().size()));
    }
  }
}
