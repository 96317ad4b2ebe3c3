package io.crewexport.read;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.crewexport.schema.RowCells;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The byte parser against FastCSV over the strict decoder, on random bodies made of the pieces that
 * break CSV parsers: every record, cell count, line number and error must be the same.
 */
final class Utf8CsvRecordsTest {
  private static final byte[][] PIECES = {
    bytes("a"),
    bytes("bc"),
    bytes(","),
    bytes(","),
    bytes("\""),
    bytes("\"\""),
    bytes("\r"),
    bytes("\n"),
    bytes("\r\n"),
    bytes(" "),
    bytes("é"),
    bytes("😀"),
    bytes("東"),
    bytes("\uFFFD"),
    bytes("0"),
    bytes("20240131"),
    // Not UTF-8, last: only some bodies draw them.
    {(byte) 0xC3},
    {(byte) 0xFF},
    {(byte) 0xE2, (byte) 0x82}
  };

  @Test
  void readsEveryRandomBodyAsFastCsvDoes() throws IOException {
    Random random = new Random(20261204);
    int failures = 0;
    for (int n = 0; n < 30_000; n++) {
      byte[] bytes = randomBody(random);
      List<String> fast =
          outcome(new FastCsvRecords(new ByteArrayInputStream(bytes), UTF_8, 1 << 20));
      int buffer = 1 + random.nextInt(12);
      List<String> ours =
          outcome(new Utf8CsvRecords(new ByteArrayInputStream(bytes), 1 << 20, buffer));
      String body = Arrays.toString(bytes) + ", buffer " + buffer;
      if (isUtf8(bytes)) {
        assertThat(ours).as(body).isEqualTo(fast);
      } else {
        // FastCSV's decoder reads ahead, so it may fail records earlier, at the same bytes; a
        // record's own syntax error may come first here.
        String error = ours.get(ours.size() - 1);
        assertThat(fast.get(fast.size() - 1)).as(body).startsWith("error").endsWith(invalid(error));
        assertThat(fast.subList(0, fast.size() - 1)).as(body).isSubsetOf(ours);
      }
      failures += ours.get(ours.size() - 1).startsWith("error") ? 1 : 0;
    }
    // Both kinds of bodies were tried, in numbers.
    assertThat(failures).isBetween(3_000, 27_000);
  }

  @Test
  void looksAtEveryRandomBodyAsItReadsIt() {
    Random random = new Random(20261205);
    for (int n = 0; n < 20_000; n++) {
      byte[] bytes = randomBody(random);
      boolean[] unread = new boolean[1 + random.nextInt(4)];
      for (int i = 0; i < unread.length; i++) {
        unread[i] = random.nextInt(3) == 0;
      }
      int buffer = 1 + random.nextInt(12);
      String body = Arrays.toString(bytes) + ", buffer " + buffer + Arrays.toString(unread);
      List<String> read =
          afterHeadings(
              new Utf8CsvRecords(new ByteArrayInputStream(bytes), 1 << 20, buffer),
              unread,
              records -> records.next());
      List<String> looked =
          afterHeadings(
              new Utf8CsvRecords(new ByteArrayInputStream(bytes), 1 << 20, buffer),
              unread,
              records -> texts(records.nextCells(), unread));
      assertThat(looked).as(body).isEqualTo(read);
    }
  }

  @Test
  void refusesARecordLongerThanTheLimit() {
    byte[] bytes = bytes("a,b\n1,\"" + "x".repeat(100) + "\"\n");
    List<String> outcome = outcome(new Utf8CsvRecords(new ByteArrayInputStream(bytes), 64, 4));
    assertThat(outcome.get(outcome.size() - 1))
        .isEqualTo(
            "error at line 2: the record is longer than 64 bytes, more than any report row holds");
  }

  /** What an error says after its line, for an invalid-bytes error; else any error matches. */
  private static String invalid(String error) {
    int bytes = error.indexOf("invalid bytes ");
    return bytes < 0 ? "" : error.substring(bytes);
  }

  static boolean isUtf8(byte[] bytes) {
    try {
      UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static byte[] randomBody(Random random) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    if (random.nextInt(10) == 0) {
      body.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    }
    int pieces = random.nextInt(40);
    // Most bodies stay valid UTF-8, so that the records, not only the errors, are compared.
    boolean invalid = random.nextInt(4) == 0;
    for (int i = 0; i < pieces; i++) {
      body.writeBytes(PIECES[random.nextInt(invalid ? PIECES.length : PIECES.length - 3)]);
    }
    return body.toByteArray();
  }

  /** Each record with its line and cell count, then how the body ended. */
  private static List<String> outcome(CsvRecords records) {
    return outcome(
        records,
        seen -> {
          for (String[] record; (record = records.next()) != null; ) {
            if (seen.isEmpty()) {
              records.width(record.length);
            }
            seen.add(records.line() + " " + records.cellCount() + " " + Arrays.toString(record));
          }
        });
  }

  /**
   * Each record after the heading row, read by {@code next} with {@code unread} skipped, with its
   * line and cell count, then how the body ended.
   */
  private static List<String> afterHeadings(
      CsvRecords records, boolean[] unread, Function<CsvRecords, String[]> next) {
    return outcome(
        records,
        seen -> {
          if (records.next() != null) {
            records.width(unread.length);
            records.skipText(unread);
            for (String[] record; (record = next.apply(records)) != null; ) {
              seen.add(records.line() + " " + records.cellCount() + " " + Arrays.toString(record));
            }
          }
        });
  }

  /** What {@code reading} noted, then "end" or the error that ended it, with its line. */
  private static List<String> outcome(CsvRecords records, Consumer<List<String>> reading) {
    List<String> seen = new ArrayList<>();
    try (records) {
      reading.accept(seen);
      seen.add("end");
    } catch (UncheckedIOException e) {
      seen.add("error at line " + records.line() + ": invalid bytes " + e.getCause().getMessage());
    } catch (RuntimeException | IOException e) {
      seen.add("error at line " + records.line() + ": " + e.getMessage());
    }
    return seen;
  }

  /**
   * The texts of a record's cells, char by char; null for an empty cell or one left unread (which
   * the reader may give or not, as {@link ReportReader#skipText} allows).
   */
  private static String[] texts(RowCells row, boolean[] unread) {
    if (row == null) {
      return null;
    }
    String[] texts = new String[unread.length];
    for (int i = 0; i < unread.length; i++) {
      CharSequence cell = unread[i] ? null : row.cell(i);
      if (cell != null && cell.length() > 0) {
        StringBuilder text = new StringBuilder();
        for (int k = 0; k < cell.length(); k++) {
          text.append(cell.charAt(k));
        }
        texts[i] = text.toString();
      }
    }
    return texts;
  }

  static byte[] bytes(String text) {
    return text.getBytes(UTF_8);
  }
}
