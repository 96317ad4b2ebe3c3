package io.crewexport.read;

import static io.crewexport.read.Utf8CsvRecordsTest.bytes;
import static io.crewexport.read.Utf8CsvRecordsTest.isUtf8;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attacks on the byte parser, against FastCSV over the strict decoder: bodies that arrive a few
 * bytes per read, as a spool file still being written gives them, with long cells, line ends and a
 * byte order mark split across reads, and the bytes UTF-8 forbids.
 */
final class Utf8CsvRecordsAttackTest {
  private static final byte[][] PIECES = {
    bytes("a"),
    bytes(","),
    bytes(","),
    bytes("\""),
    bytes("\"\""),
    bytes("\r"),
    bytes("\n"),
    bytes("\r\n"),
    bytes(" "),
    bytes(" \""),
    bytes("\t"),
    bytes("\u0000"),
    bytes("é"),
    bytes("😀"),
    bytes("\uFFFD"),
    bytes("\uFEFF"),
    bytes("x".repeat(700)),
    bytes("\"" + "y\r\n".repeat(300) + "\""),
    // Not UTF-8 from here: overlong NUL and slash, a surrogate, 5- and 6-byte forms, a stray
    // continuation byte, a sequence cut short, a code point past U+10FFFF.
    {(byte) 0xC0, (byte) 0x80},
    {(byte) 0xE0, (byte) 0x80, (byte) 0xAF},
    {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
    {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
    {(byte) 0xFC, (byte) 0x84, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80},
    {(byte) 0x80},
    {(byte) 0xF0, (byte) 0x9F, (byte) 0x98},
    {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
  };

  private static final int VALID_PIECES = 18;

  @TempDir Path folder;

  @Test
  void readsNastyBodiesAsFastCsvDoesWhateverTheReadSizes() throws IOException {
    Random random = new Random(4_500_917);
    for (int n = 0; n < 3_000; n++) {
      byte[] body = randomBody(random);
      Path file = Files.write(folder.resolve("body.csv"), body);
      int step = random.nextBoolean() ? 1 : 1 + random.nextInt(64);
      int buffer = random.nextBoolean() ? 1 << 20 : 1 + random.nextInt(100);
      List<String> fast =
          outcome(new FastCsvRecords(new Trickle(body, step), UTF_8, 1 << 20), file);
      List<String> ours =
          outcome(new Utf8CsvRecords(new Trickle(body, step), 1 << 20, buffer), file);
      String what = "body " + escape(body) + ", reads of " + step + ", buffer " + buffer;
      if (isUtf8(body)) {
        assertThat(ours).as(what).isEqualTo(fast);
      } else {
        // FastCSV's answer depends on how far its decoder reads ahead, so what holds is weaker:
        // bad bytes named are the body's first, named as the decoder names them.
        String error = ours.get(ours.size() - 1);
        if (error.contains("not valid UTF-8")) {
          assertThat(error).as(what).isEqualTo(firstBadBytes(body, file));
        }
        if (fast.get(fast.size() - 1).contains("not valid UTF-8")) {
          assertThat(fast.get(fast.size() - 1)).as(what).isEqualTo(firstBadBytes(body, file));
        }
        assertThat(error).as(what).startsWith("error");
      }
    }
  }

  @Test
  void aByteOrderMarkIsDroppedOnlyAtTheStartOfTheBody() throws IOException {
    // U+FEFF at the start of a later line is text, as DecodingReader keeps it, however the
    // bytes arrive: here the first record ends before three bytes are in.
    for (String text : new String[] {"a\n\uFEFFb\n", "\n\uFEFFa,b\n1,2\n", "a\r\n\uFEFFb\n"}) {
      byte[] body = bytes(text);
      Path file = Files.write(folder.resolve("body.csv"), body);
      List<String> fast = outcome(new FastCsvRecords(new Trickle(body, 1), UTF_8, 1 << 20), file);
      List<String> ours = outcome(new Utf8CsvRecords(new Trickle(body, 1), 1 << 20), file);
      assertThat(ours).as(text).isEqualTo(fast);
    }
  }

  @Test
  void givesEachRecordOnceItsBytesAreInWithoutWaitingForMore() {
    // A download that has written some rows and then stalls: every row it wrote is readable now,
    // however long. (FastCSV over the decoder also reads ahead past a row; this parser must not.)
    String[][] stalls = {
      {"h\n", "1234", "5\n"},
      {"h\n", "x".repeat(60_000), "x".repeat(40_000) + "\n"},
      {"h\n", "\"" + "line\r\n".repeat(10_000), "\"\n"},
    };
    for (String[] chunks : stalls) {
      CsvRecords records = new Utf8CsvRecords(new Stalling(chunks), 1 << 20);
      assertThat(records.next()).containsExactly("h");
      records.width(1);
      assertThat(records.next()).as("the row after %s", chunks[0]).hasSize(1);
    }
  }

  @Test
  void readsOneColumnReportsAndBlankBodiesAsFastCsvDoes() throws IOException {
    String[] bodies = {
      "\n\n\n",
      "\r\n\r\n",
      "\r\r",
      "h\n\n\n",
      "h\r\n\r\n1\r\n\r\n",
      "\n\nh\n\n1\n\n",
      "h\r\r1\r",
      "\uFEFF\n\nh\n\n",
      "h\n\"\"\n\n",
      "h\n\"\n\"\n\n",
      "h\n\"",
      "h\n\"\"\"",
      "h\n\"a\"\"",
      "h\n\u0000\n",
      "\uFEFF"
    };
    for (String text : bodies) {
      byte[] body = bytes(text);
      Path file = Files.write(folder.resolve("body.csv"), body);
      for (int step : new int[] {1, 2, 3, 1 << 20}) {
        List<String> fast =
            outcome(new FastCsvRecords(new Trickle(body, step), UTF_8, 1 << 20), file);
        List<String> ours = outcome(new Utf8CsvRecords(new Trickle(body, step), 1 << 20, 2), file);
        assertThat(ours).as("%s, reads of %d", text, step).isEqualTo(fast);
      }
    }
  }

  @Test
  void findsBadBytesInCellsPastTheHeadingsAndNamesTheirLine() throws IOException {
    // The bad bytes sit in a cell that is dropped, after a multi-line quoted cell, on line 4.
    byte[] body =
        concat(
            bytes("a\n1,\"x\ny\nz\",é"),
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            bytes("\n"));
    Path file = Files.write(folder.resolve("body.csv"), body);
    for (int step : new int[] {1, 5, 1 << 20}) {
      List<String> fast =
          outcome(new FastCsvRecords(new Trickle(body, step), UTF_8, 1 << 20), file);
      List<String> ours = outcome(new Utf8CsvRecords(new Trickle(body, step), 1 << 20, 4), file);
      // FastCSV's decoder may fail before the heading row is out; the error is the same.
      assertThat(ours.get(ours.size() - 1)).isEqualTo(fast.get(fast.size() - 1));
      assertThat(ours.get(ours.size() - 1))
          .isEqualTo(
              "error: line 4 holds bytes that are not valid UTF-8 (0xED 0xA0 0x80 at byte offset 14)");
    }
  }

  /** Each record with its line and cell count, then how the body ended, as the report says it. */
  private static List<String> outcome(CsvRecords records, Path file) {
    List<String> seen = new ArrayList<>();
    try (records) {
      for (String[] record; (record = records.next()) != null; ) {
        if (seen.isEmpty()) {
          records.width(record.length);
        }
        seen.add(
            records.line()
                + " "
                + records.cellCount()
                + " "
                + Arrays.toString(record)
                + (records.hasSpacedQuote() ? " spaced" : ""));
      }
      seen.add("end");
    } catch (UncheckedIOException e) {
      seen.add(
          e.getCause() instanceof DecodingReader.InvalidText invalid
              ? "error: " + invalid.describe(file, UTF_8)
              : "error: " + e);
    } catch (RuntimeException | IOException e) {
      seen.add("error at line " + records.line() + ": " + e.getMessage());
    }
    return seen;
  }

  /** The error for the body's first bytes that are not UTF-8, as the strict decoder gives it. */
  private static String firstBadBytes(byte[] body, Path file) throws IOException {
    try (DecodingReader text = new DecodingReader(new ByteArrayInputStream(body), UTF_8)) {
      char[] chunk = new char[1 << 12];
      while (text.read(chunk, 0, chunk.length) >= 0) {
        // Decodes until the bad bytes.
      }
      throw new AssertionError("the body is UTF-8");
    } catch (DecodingReader.InvalidText invalid) {
      return "error: " + invalid.describe(file, UTF_8);
    }
  }

  private static byte[] randomBody(Random random) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    if (random.nextInt(8) == 0) {
      body.writeBytes(bytes("\uFEFF"));
    }
    boolean invalid = random.nextInt(4) == 0;
    int pieces = random.nextInt(60);
    for (int i = 0; i < pieces; i++) {
      body.writeBytes(PIECES[random.nextInt(invalid ? PIECES.length : VALID_PIECES)]);
    }
    return body.toByteArray();
  }

  /** The body for a failure message, long runs of a byte shortened. */
  static String escape(byte[] body) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < body.length; ) {
      int run = 1;
      while (i + run < body.length && body[i + run] == body[i]) {
        run++;
      }
      int b = body[i] & 0xFF;
      text.append(b >= 0x20 && b < 0x7F ? String.valueOf((char) b) : String.format("<%02X>", b));
      if (run > 3) {
        text.append("{x").append(run).append('}');
        i += run;
      } else {
        i++;
      }
    }
    return text.toString();
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Arrays.stream(parts).forEach(out::writeBytes);
    return out.toByteArray();
  }

  /** A body that gives at most {@code step} bytes per read. */
  static final class Trickle extends InputStream {
    private final byte[] body;
    private final int step;
    private int position;

    Trickle(byte[] body, int step) {
      this.body = body;
      this.step = step;
    }

    @Override
    public int read() {
      return position < body.length ? body[position++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] target, int offset, int length) {
      if (length == 0) {
        return 0;
      }
      if (position >= body.length) {
        return -1;
      }
      int count = Math.min(Math.min(length, step), body.length - position);
      System.arraycopy(body, position, target, offset, count);
      position += count;
      return count;
    }
  }

  /**
   * A download that wrote {@code chunks} and then stalls: a read past them fails, where the spool
   * file's stream would wait.
   */
  private static final class Stalling extends InputStream {
    private final Deque<byte[]> chunks = new ArrayDeque<>();

    Stalling(String... chunks) {
      Arrays.stream(chunks).map(Utf8CsvRecordsTest::bytes).forEach(this.chunks::add);
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
      if (chunks.isEmpty()) {
        throw new IOException("stalled: the reader waits for bytes its record does not need");
      }
      byte[] chunk = chunks.peek();
      int count = Math.min(length, chunk.length);
      System.arraycopy(chunk, 0, target, offset, count);
      chunks.pop();
      if (count < chunk.length) {
        chunks.push(Arrays.copyOfRange(chunk, count, chunk.length));
      }
      return count;
    }
  }
}
