package io.crewexport.bench;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.nio.file.Path;
import java.util.Map;

/**
 * The Java parser's ceiling: FastCSV reads every record of the file on one thread, with its
 * defaults, and does nothing else with it.
 */
final class FastCsvParse implements ChildTask {
  private final Path file;

  FastCsvParse(Path file) {
    this.file = file;
  }

  @Override
  public Outcome run() throws Exception {
    long records = 0;
    long fields = 0;
    try (CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(file)) {
      for (CsvRecord record : csv) {
        records++;
        // Touch every record so the loop cannot be optimised away.
        fields += record.getFieldCount();
      }
    }
    return new Outcome(records - 1, Map.of("fields", (double) fields));
  }
}
