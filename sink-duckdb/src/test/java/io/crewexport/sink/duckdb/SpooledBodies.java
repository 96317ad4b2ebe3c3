package io.crewexport.sink.duckdb;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.crewexport.read.CsvReportReader;
import io.crewexport.schema.CellTypes;
import io.crewexport.schema.ReportSchema;
import io.crewexport.schema.TypeInference;
import io.crewexport.spi.Row;
import io.crewexport.spi.SinkWriter;
import io.crewexport.spi.SpooledCsv;
import java.nio.file.Path;

/**
 * Spooled bodies read as the export reads them, with core's CSV reader and cell rules: the rows a
 * bulk load must agree with.
 */
final class SpooledBodies {
  private SpooledBodies() {}

  /** The schema the export infers for the UTF-8 {@code file}. */
  static ReportSchema infer(Path file) {
    try (CsvReportReader reader = new CsvReportReader(file, UTF_8, file.toString())) {
      TypeInference inference = new TypeInference(reader.headings());
      for (String[] cells; (cells = reader.next()) != null; ) {
        inference.accept(cells);
      }
      return inference.schema();
    }
  }

  /** {@code file} offered as the export offers it, with the headings it reads. */
  static SpooledCsv offer(Path file) {
    try (CsvReportReader reader = new CsvReportReader(file, UTF_8, file.toString())) {
      return new SpooledCsv(file, UTF_8, reader.headings());
    }
  }

  /** Writes every row of {@code body} to {@code writer}, typed by {@code schema}; the row count. */
  static long writeRows(SpooledCsv body, ReportSchema schema, SinkWriter writer) {
    long rows = 0;
    try (CsvReportReader reader = new CsvReportReader(body.file(), body.charset(), "body")) {
      for (String[] cells; (cells = reader.next()) != null; rows++) {
        Object[] values = new Object[schema.size()];
        for (int i = 0; i < values.length; i++) {
          values[i] = CellTypes.value(cells[i], schema.column(i).type());
        }
        writer.write(Row.wrap(values));
      }
    }
    return rows;
  }
}
