package io.crewexport.read;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.crewexport.testing.Samples;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes a large CSV report shaped like the vendor's sample: its 31 headings, quoted multi-line
 * cells, mostly empty cells, {@code 0} for "no date", and non-ASCII names. Seeded, so the same size
 * gives the same bytes.
 */
final class SyntheticReport {
  private static final String[] NAMES = {
    "Ada Moreno",
    "Ari Walsh",
    "Al Finch",
    "José Núñez",
    "Zoë Brontë",
    "李小龍",
    "Søren Holm",
    "Ólafur Örn",
    "Ana 🌟 Lima",
    "Renée O'Hara",
    "Mia Schmidt",
    "Ngũgĩ Wa",
    "Émile Zola"
  };
  private static final String[] TEAMS = {
    "- Nat. Team Co-ordinators",
    "- Construction",
    "- Planning\n- Strategy",
    "- Stars \"Only\"",
    "- Équipe Nord\r\n- 東京チーム"
  };
  private static final String[] POSITIONS = {
    "Mechanical Plant Engineer", "Site Manager", "Apprentice, 2nd year", "Ingénieure d'études"
  };

  private final Random random = new Random(42);
  private final StringBuilder line = new StringBuilder(512);

  /** Writes about {@code bytes} bytes of report to {@code file}, replacing it. */
  static void write(Path file, long bytes) {
    try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, UTF_8), 1 << 16)) {
      new SyntheticReport().writeTo(out, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void writeTo(Writer out, long bytes) throws IOException {
    String headingRow = new String(Samples.vendorSample(), UTF_8).lines().findFirst().orElseThrow();
    out.write(headingRow);
    out.write("\r\n");
    // Non-ASCII characters take two to four bytes; counting chars slightly undercounts, which is
    // fine for a benchmark of "about" a size.
    long written = headingRow.length() + 2;
    for (int row = 1; written < bytes; row++) {
      String next = row(row);
      out.write(next);
      written += next.length();
    }
  }

  private String row(int number) {
    line.setLength(0);
    String name = pick(NAMES);
    cell(name + " " + number);
    cell("emp" + number);
    cell("user" + number + "@example.com");
    cell(pick(NAMES));
    cell("RTYUIOP");
    cell(random.nextInt(10) == 0 ? "No" : "Yes");
    cell(date());
    cell(random.nextBoolean() ? "0" : date());
    cell("0");
    cell(random.nextInt(4) == 0 ? "0" : date());
    cell("0");
    cell("0");
    cell("0");
    cell(random.nextInt(3) == 0 ? pick(TEAMS) : "");
    for (int i = 0; i < 5; i++) {
      cell(random.nextInt(8) == 0 ? pick(TEAMS) : "");
    }
    cell(random.nextInt(2) == 0 ? pick(POSITIONS) : "");
    cell(random.nextInt(4) == 0 ? "- " + pick(POSITIONS) + " (29 Jun 2021)\n- Apprentice" : "");
    for (int i = 0; i < 9; i++) {
      cell(random.nextInt(20) == 0 ? pick(POSITIONS) : "");
    }
    cell(random.nextInt(10) == 0 ? "Yes" : "");
    line.setCharAt(line.length() - 1, '\r');
    line.append('\n');
    return line.toString();
  }

  private String date() {
    int year = 2000 + random.nextInt(25);
    return Integer.toString(year * 10000 + (1 + random.nextInt(12)) * 100 + 1 + random.nextInt(28));
  }

  private String pick(String[] values) {
    return values[random.nextInt(values.length)];
  }

  private void cell(String text) {
    boolean quote =
        text.indexOf(',') >= 0
            || text.indexOf('"') >= 0
            || text.indexOf('\n') >= 0
            || text.indexOf('\r') >= 0;
    if (quote) {
      line.append('"').append(text.replace("\"", "\"\"")).append('"');
    } else {
      line.append(text);
    }
    line.append(',');
  }
}
