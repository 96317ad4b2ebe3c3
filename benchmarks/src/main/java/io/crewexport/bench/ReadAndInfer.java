package io.crewexport.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.crewexport.read.CsvReportReader;
import io.crewexport.read.ReportReader;
import io.crewexport.read.ReportReaders;
import io.crewexport.schema.TypeInference;
import java.nio.file.Path;
import java.util.Map;

/**
 * The exporter's first pass over a spooled file, alone: {@link CsvReportReader} reads every row and
 * {@link TypeInference} types the columns, through the same {@link ReportReaders#inferAll} as
 * {@code ReportExporter}'s first pass before it writes.
 */
final class ReadAndInfer implements ChildTask {
  private final Path file;

  ReadAndInfer(Path file) {
    this.file = file;
  }

  @Override
  public Outcome run() {
    try (ReportReader reader = new CsvReportReader(file, UTF_8, file.getFileName().toString())) {
      TypeInference inference = new TypeInference(reader.headings());
      long rows = ReportReaders.inferAll(reader, inference);
      // The schema's columns count as output, so the inference cannot be optimised away.
      return new Outcome(rows, Map.of("columns", (double) inference.schema().size()));
    }
  }
}
