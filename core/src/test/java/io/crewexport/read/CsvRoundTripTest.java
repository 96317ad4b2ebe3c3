package io.crewexport.read;

import static io.crewexport.read.Bodies.csv;
import static io.crewexport.read.Bodies.readAll;
import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import de.siegmar.fastcsv.writer.QuoteStrategies;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random tables written as RFC 4180 CSV by FastCSV's writer, with every line delimiter and quoting
 * style, with or without a byte order mark and a last line end, read back equal (an empty cell
 * reads as null). Seeded, so a failure repeats; the seed and table number are in the message.
 */
final class CsvRoundTripTest {
  private static final long SEED = 20_241_204L;
  private static final int TABLES = 400;
  private static final String[] PIECES = {
    "a",
    "Z",
    "0",
    "42",
    " ",
    "  ",
    ",",
    "\"",
    "\"\"",
    "\r",
    "\n",
    "\r\n",
    "é",
    "Ünï",
    "部署",
    "東京",
    "😀",
    "👩‍👩‍👧",
    "'",
    "-",
    "(12 months)",
    "#",
    ";",
    "\t",
    "Yes",
    "20240131",
    "ß"
  };

  @TempDir Path folder;

  @Test
  void readsBackEveryRandomTableExactly() {
    Random random = new Random(SEED);
    for (int table = 0; table < TABLES; table++) {
      List<String> headings = headings(random);
      List<String[]> rows = rows(random, headings.size());
      String body = write(random, headings, rows);

      ReportReader reader = csv(folder, body);
      String where = "table " + table + " of seed " + SEED + ", body " + escape(body);
      assertThat(reader.headings()).as(where).isEqualTo(headings);
      assertThat(readAll(reader)).as(where).containsExactlyElementsOf(withNulls(rows));
      assertThat(reader.paddedRows()).as(where).isZero();
    }
  }

  private static List<String> headings(Random random) {
    int count = 1 + random.nextInt(7);
    List<String> headings = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      boolean repeat = i > 0 && random.nextInt(6) == 0;
      headings.add(repeat ? headings.get(random.nextInt(i)) : text(random, 4));
    }
    return headings;
  }

  private static List<String[]> rows(Random random, int width) {
    List<String[]> rows = new ArrayList<>();
    for (int r = random.nextInt(12); r > 0; r--) {
      String[] row = new String[width];
      for (int c = 0; c < width; c++) {
        row[c] = random.nextInt(3) == 0 ? "" : text(random, 6);
      }
      rows.add(row);
    }
    return rows;
  }

  private static String text(Random random, int maxPieces) {
    StringBuilder text = new StringBuilder();
    for (int n = random.nextInt(maxPieces + 1); n > 0; n--) {
      text.append(PIECES[random.nextInt(PIECES.length)]);
    }
    return text.toString();
  }

  private static String write(Random random, List<String> headings, List<String[]> rows) {
    LineDelimiter delimiter = LineDelimiter.values()[random.nextInt(3)];
    // A one-column table whose only heading is empty would start with a blank line, which the
    // reader skips as noise; its heading must be quoted to be read.
    boolean blankHeading = headings.size() == 1 && headings.get(0).isEmpty();
    QuoteStrategies quoting =
        blankHeading
            ? QuoteStrategies.EMPTY
            : QuoteStrategies.values()[random.nextInt(QuoteStrategies.values().length)];
    StringWriter out = new StringWriter();
    try (CsvWriter writer =
        CsvWriter.builder().lineDelimiter(delimiter).quoteStrategy(quoting).build(out)) {
      writer.writeRecord(headings);
      rows.forEach(writer::writeRecord);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String body = (random.nextBoolean() ? "\uFEFF" : "") + out;
    return dropLastLineEnd(random, body, delimiter.toString());
  }

  /** Sometimes drops the last line end, unless that would drop a last row that is a blank line. */
  private static String dropLastLineEnd(Random random, String body, String delimiter) {
    boolean endsWithBlankLine = body.endsWith(delimiter + delimiter);
    if (random.nextBoolean() && !endsWithBlankLine) {
      return body.substring(0, body.length() - delimiter.length());
    }
    return body;
  }

  private static List<String[]> withNulls(List<String[]> rows) {
    return rows.stream()
        .map(row -> java.util.Arrays.stream(row).map(c -> c.isEmpty() ? null : c))
        .map(cells -> cells.toArray(String[]::new))
        .toList();
  }

  private static String escape(String body) {
    return body.replace("\r", "\\r").replace("\n", "\\n");
  }
}
