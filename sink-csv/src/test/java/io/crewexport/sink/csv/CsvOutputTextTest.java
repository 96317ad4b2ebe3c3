package io.crewexport.sink.csv;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import de.siegmar.fastcsv.writer.QuoteStrategies;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link CsvOutput} writes each kind of text as FastCSV's writer does, whichever of its paths the
 * text takes: the ASCII fast path, the general encoder for other chars and quotes, or the JDK's
 * encoder for texts too long for the buffer. Each text is written as the first and as a later field
 * of a record, so the {@code #} rule applies to one of them.
 */
final class CsvOutputTextTest {
  private static final String SPECIALS = ",\"\n\r#";
  // Chars outside Latin-1 whose low byte is ASCII, a special or NUL: Strings holding them are
  // UTF-16 inside, and a fast path that read only low bytes would take them for ASCII.
  private static final String ASCII_LOW_BYTES = "中丬丢Ċč Ĭ Ģģ Ā Ԁ";
  // Random texts draw from these, and from SURROGATES, now and then.
  private static final String ALPHABET =
      "abcXYZ09 #,\"\r\n\t\u0000\u007f\u0080\u00a2\u00ac\u00a3\u00ff\u00e9"
          + "\u0122\u012c\u010a\u010d\u0123\u4e2d\u4e22\u0800\u07ff\uffff\ufeff";
  private static final String[] SURROGATES = {"\ud83d\ude00", "\ud83d", "\ude00"};

  @Test
  void asciiTextsWithEachSpecialCharAtTheStartMiddleAndEnd() throws IOException {
    List<String> texts = new ArrayList<>();
    for (char special : (SPECIALS + " '!&+-~\u0000\u007f").toCharArray()) {
      texts.addAll(placed(String.valueOf(special), "plain"));
      texts.addAll(placed(special + "" + special, "ab"));
    }

    assertWrittenAsFastCsvWrites(texts);
  }

  @Test
  void latin1TextsBeyondAscii() throws IOException {
    List<String> texts = new ArrayList<>(List.of("Zoë Ångström", "é", "ÿ", "Ÿes, \"ÿ\"\r\n"));
    for (char c = 0x80; c <= 0xFF; c++) {
      texts.addAll(placed(String.valueOf(c), "ascii"));
      texts.add(c + ",");
    }

    assertWrittenAsFastCsvWrites(texts);
  }

  @Test
  void utf16TextsWhateverTheLowBytesOfTheirChars() throws IOException {
    List<String> texts =
        new ArrayList<>(
            List.of(
                "李小龍",
                "李小龍 🚀",
                "😀",
                "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 😀, \"quoted\"",
                "\ud83d",
                "\ude00",
                "lone high \ud83d",
                "\ude00 lone low",
                "\ud83d\ud83d\ude00",
                "\ude00\ud83d",
                "#中",
                "\uffff\u0800\u07ff"));
    for (char c : ASCII_LOW_BYTES.toCharArray()) {
      texts.addAll(placed(String.valueOf(c), "ascii"));
      texts.add("plain" + c + ",");
    }
    texts.add(ASCII_LOW_BYTES);

    assertWrittenAsFastCsvWrites(texts);
  }

  @Test
  void emptyTextsAndTextsStartingWithTheCommentChar() throws IOException {
    assertWrittenAsFastCsvWrites(
        List.of("", "#", "##", "#a", "a#", "# ", "#,", "#\"", "#é", "#😀"));
    assertWrittenAsFastCsvWrites(List.of(" #"));
  }

  @Test
  void textsAroundTheLongestTheBufferTakes() throws IOException {
    int longest = CsvOutput.LONGEST_SHORT_TEXT;
    List<String> texts = new ArrayList<>();
    for (int length = longest - 2; length <= longest + 2; length++) {
      texts.add("x".repeat(length));
      texts.add("#" + "x".repeat(length - 1));
      texts.add("x".repeat(length - 1) + ",");
      texts.add("\"" + "x".repeat(length - 1));
      texts.add("ÿ".repeat(length));
      texts.add("中".repeat(length));
      texts.add("x".repeat(length - 1) + "😀".substring(0, 1));
    }

    assertWrittenAsFastCsvWrites(texts);
  }

  @Test
  void textsEndingAtOrPastTheEndOfTheBuffer() throws IOException {
    for (String text : List.of("tail", "ta,l", "t\"l", "tÿl", "t中l", "t😀")) {
      // Room a text asks for: three bytes a char and two quotes; with less left, the buffer is
      // written out before it.
      int asked = text.length() * 3 + 2;
      for (int before = CsvOutput.BUFFER_BYTES - asked - 4; before < CsvOutput.BUFFER_BYTES; ) {
        List<String> fields = fillers(before++);
        fields.add(text);
        assertThat(ours(fields)).as(describe(text)).isEqualTo(fastCsv(fields));
      }
    }
  }

  @Test
  void randomRecordsAreWrittenAsFastCsvWritesThem() throws IOException {
    for (long seed = 0; seed < 40; seed++) {
      SplittableRandom random = new SplittableRandom(seed);
      List<List<String>> records = new ArrayList<>();
      for (int r = 0; r < 60; r++) {
        List<String> fields = new ArrayList<>();
        int count = 1 + random.nextInt(6);
        for (int f = 0; f < count; f++) {
          fields.add(text(random));
        }
        records.add(fields);
      }
      assertThat(oursRecords(records)).as("seed %d", seed).isEqualTo(fastCsvRecords(records));
    }
  }

  private static String text(SplittableRandom random) {
    int length =
        switch (random.nextInt(8)) {
          case 0 -> CsvOutput.LONGEST_SHORT_TEXT - 3 + random.nextInt(7);
          case 1 -> random.nextInt(3000);
          default -> random.nextInt(12);
        };
    // Mostly plain ASCII, as the fast path expects, with a rare other char.
    double odd = random.nextDouble() < 0.5 ? 0 : random.nextDouble() * 0.2;
    StringBuilder text = new StringBuilder(length + 2);
    while (text.length() < length) {
      if (random.nextDouble() >= odd) {
        text.append((char) ('a' + random.nextInt(26)));
      } else if (random.nextInt(6) == 0) {
        text.append(SURROGATES[random.nextInt(SURROGATES.length)]);
      } else {
        text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
    }
    if (random.nextInt(10) == 0) {
      text.insert(0, '#');
    }
    return text.toString();
  }

  /** Short ASCII fields that take {@code bytes} bytes, with the comma after each. */
  private static List<String> fillers(int bytes) {
    List<String> fields = new ArrayList<>();
    for (int left = bytes; left > 0; ) {
      int length = Math.min(1000, left - 1);
      // A last filler of one byte would be an empty field, written as two.
      length -= left - length - 1 == 1 ? 1 : 0;
      fields.add("f".repeat(length));
      left -= length + 1;
    }
    return fields;
  }

  /** {@code part} alone, then at the start, middle and end of {@code around}. */
  private static List<String> placed(String part, String around) {
    int middle = around.length() / 2;
    return List.of(
        part,
        part + around,
        around.substring(0, middle) + part + around.substring(middle),
        around + part);
  }

  private static void assertWrittenAsFastCsvWrites(List<String> texts) throws IOException {
    for (String text : texts) {
      List<String> fields = List.of(text, text);
      assertThat(ours(fields)).as(describe(text)).isEqualTo(fastCsv(fields));
    }
  }

  private static byte[] ours(List<String> fields) throws IOException {
    return oursRecords(List.of(fields));
  }

  private static byte[] fastCsv(List<String> fields) throws IOException {
    return FastCsvReference.write(fields, List.of(), false);
  }

  private static byte[] oursRecords(List<List<String>> records) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CsvOutput csv = new CsvOutput(bytes);
    for (List<String> fields : records) {
      for (int i = 0; i < fields.size(); i++) {
        if (i > 0) {
          csv.separator();
        }
        csv.text(fields.get(i), i == 0);
      }
      csv.endRecord();
    }
    csv.close();
    return bytes.toByteArray();
  }

  private static byte[] fastCsvRecords(List<List<String>> records) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (CsvWriter csv =
        CsvWriter.builder()
            .lineDelimiter(LineDelimiter.CRLF)
            .quoteStrategy(QuoteStrategies.EMPTY)
            .build(bytes, UTF_8)) {
      for (List<String> fields : records) {
        csv.writeRecord(fields);
      }
    }
    return bytes.toByteArray();
  }

  /** The text with every char outside printable ASCII as a Java escape, for failure messages. */
  private static String describe(String text) {
    StringBuilder described = new StringBuilder("text of ").append(text.length()).append(": ");
    text.chars()
        .limit(40)
        .forEach(
            c ->
                described.append(
                    c >= ' ' && c < 0x7F ? String.valueOf((char) c) : String.format("\\u%04x", c)));
    return described.toString();
  }
}
