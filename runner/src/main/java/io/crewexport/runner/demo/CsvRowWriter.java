package io.crewexport.runner.demo;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** Writes rows as RFC 4180 CSV: quotes only the cells that need it, CRLF after each row. */
final class CsvRowWriter {
  private final Writer out;
  // One write per row instead of several per cell: the writer's per-call cost dominated.
  private final StringBuilder line = new StringBuilder(512);

  CsvRowWriter(Writer out) {
    this.out = out;
  }

  void write(List<String> cells) throws IOException {
    line.setLength(0);
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        line.append(',');
      }
      appendCell(cells.get(i));
    }
    line.append("\r\n");
    out.append(line);
  }

  private void appendCell(String cell) {
    if (!needsQuotes(cell)) {
      line.append(cell);
      return;
    }
    line.append('"');
    for (int i = 0; i < cell.length(); i++) {
      char c = cell.charAt(i);
      line.append(c);
      if (c == '"') {
        line.append('"');
      }
    }
    line.append('"');
  }

  private static boolean needsQuotes(String cell) {
    for (int i = 0; i < cell.length(); i++) {
      char c = cell.charAt(i);
      if (c == ',' || c == '"' || c == '\r' || c == '\n') {
        return true;
      }
    }
    return false;
  }
}
