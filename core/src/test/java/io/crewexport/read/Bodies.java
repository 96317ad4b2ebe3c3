package io.crewexport.read;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Report bodies written to a folder, and read back whole. */
final class Bodies {
  private Bodies() {}

  static CsvReportReader csv(Path folder, String body) {
    return csv(folder, body.getBytes(UTF_8), UTF_8);
  }

  static CsvReportReader csv(Path folder, byte[] body, Charset charset) {
    return new CsvReportReader(write(folder, "body.csv", body), charset, "test report");
  }

  static JsonReportReader json(Path folder, String body) {
    return json(folder, body.getBytes(UTF_8), UTF_8);
  }

  static JsonReportReader json(Path folder, byte[] body, Charset charset) {
    return new JsonReportReader(write(folder, "body.json", body), charset, "test report");
  }

  static Path write(Path folder, String name, byte[] body) {
    try {
      return Files.write(folder.resolve(name), body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every row left in {@code reader}, then closes it. */
  static List<String[]> readAll(ReportReader reader) {
    try (reader) {
      List<String[]> rows = new ArrayList<>();
      for (String[] row; (row = reader.next()) != null; ) {
        rows.add(row);
      }
      return rows;
    }
  }
}
