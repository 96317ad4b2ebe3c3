package io.crewexport.sink.csv;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;

/**
 * Writes CSV fields as UTF-8 straight into a byte buffer, with no intermediate strings, and the
 * buffer to a stream when it fills. Fields are quoted exactly as FastCSV's writer quotes them with
 * {@code QuoteStrategies.EMPTY}: an empty text as {@code ""}, and a text holding a quote, a comma,
 * a CR or an LF, or a record's first field starting with {@code #}, within quotes, its quotes
 * doubled. An unpaired surrogate becomes {@code ?}, as Java's UTF-8 encoder writes it.
 *
 * <p>Used by one thread.
 */
final class CsvOutput {
  static final int BUFFER_BYTES = 64 * 1024;

  // FastCSV's comment character: it quotes a record's first field starting with it.
  private static final char COMMENT = '#';
  private static final byte QUOTE = '"';
  // A char takes at most 3 bytes (a surrogate pair 4 for 2 chars, a doubled quote 2).
  private static final int MAX_BYTES_PER_CHAR = 3;
  // The longest text written through the buffer; a longer one goes through the JDK's encoder.
  static final int LONGEST_SHORT_TEXT = (BUFFER_BYTES - 2) / MAX_BYTES_PER_CHAR;
  private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
  private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
  private static final byte[] LINE_END = {'\r', '\n'};
  private static final int LONGEST_NUMBER = 20;
  // What an ASCII character asks of the field holding it, by its code.
  private static final int QUOTES = 1;
  private static final int DOUBLED_QUOTE = 2;
  private static final byte[] ASKS = asks();

  private final OutputStream out;
  private final byte[] buffer = new byte[BUFFER_BYTES];
  private final byte[] digits = new byte[LONGEST_NUMBER];
  // A short text's chars for the general path, copied out at once (String.charAt there instead
  // measured the same).
  private final char[] chars = new char[LONGEST_SHORT_TEXT];
  private int position;

  CsvOutput(OutputStream out) {
    this.out = out;
  }

  /** Writes {@code text}, quoted if needed; {@code first} if it starts a record. */
  void text(String text, boolean first) throws IOException {
    int length = text.length();
    if (length == 0) {
      reserve(2);
      buffer[position++] = QUOTE;
      buffer[position++] = QUOTE;
    } else if (length > LONGEST_SHORT_TEXT) {
      longText(text, first);
    } else {
      reserve(length * MAX_BYTES_PER_CHAR + 2);
      boolean quote = first && text.charAt(0) == COMMENT;
      if (!asciiText(text, quote)) {
        shortText(text, quote);
      }
    }
  }

  /** Writes a whole number. */
  void number(long value) throws IOException {
    reserve(LONGEST_NUMBER);
    if (value == Long.MIN_VALUE) {
      ascii(Long.toString(value));
      return;
    }
    if (value < 0) {
      buffer[position++] = '-';
      value = -value;
    }
    int start = LONGEST_NUMBER;
    do {
      digits[--start] = (byte) ('0' + value % 10);
      value /= 10;
    } while (value != 0);
    System.arraycopy(digits, start, buffer, position, LONGEST_NUMBER - start);
    position += LONGEST_NUMBER - start;
  }

  /** Writes a date as ISO {@code yyyy-mm-dd}, as {@link LocalDate#toString()} does. */
  void date(LocalDate date) throws IOException {
    int year = date.getYear();
    if (year < 0 || year > 9999) {
      ascii(date.toString()); // signed, or more than four digits
      return;
    }
    reserve(10);
    twoDigits(year / 100);
    twoDigits(year % 100);
    buffer[position++] = '-';
    twoDigits(date.getMonthValue());
    buffer[position++] = '-';
    twoDigits(date.getDayOfMonth());
  }

  /** Writes {@code true} or {@code false}. */
  void bool(boolean value) throws IOException {
    bytes(value ? TRUE : FALSE);
  }

  /** Writes {@code text}, which is short, ASCII and needs no quotes, such as a number. */
  void ascii(String text) throws IOException {
    int length = text.length();
    reserve(length);
    for (int i = 0; i < length; i++) {
      buffer[position++] = (byte) text.charAt(i);
    }
  }

  /** Writes the comma between two fields. */
  void separator() throws IOException {
    reserve(1);
    buffer[position++] = ',';
  }

  /** Ends a record with CRLF. */
  void endRecord() throws IOException {
    bytes(LINE_END);
  }

  /** Writes what is buffered to the stream, then closes it. */
  void close() throws IOException {
    flush();
    out.close();
  }

  /**
   * Writes {@code text} if it is all ASCII without a quote, as most texts are, and returns whether
   * it did; else leaves the buffer as it was. One pass with no branch per char, which spaces and
   * punctuation would make unpredictable: each char is copied, its code ORed into {@code codes} and
   * what it asks into {@code asks}, both checked once at the end. Copying only each char's low byte
   * ({@code String.getBytes(int, int, byte[], int)}) and looking for bytes over 0x7F would be
   * wrong: a CJK char such as U+4E2D has an ASCII low byte.
   */
  private boolean asciiText(String text, boolean quote) {
    int length = text.length();
    byte[] bytes = buffer;
    int start = position;
    int codes = 0;
    int asks = 0;
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      codes |= c;
      asks |= ASKS[c & 0x7F];
      bytes[start + i] = (byte) c;
    }
    if (codes >= 0x80 || (asks & DOUBLED_QUOTE) != 0) {
      return false;
    }
    position = start + length;
    if (quote || asks != 0) {
      quoteLast(start);
    }
    return true;
  }

  private void shortText(String text, boolean quote) {
    int length = text.length();
    text.getChars(0, length, chars, 0);
    byte[] bytes = buffer;
    int start = position;
    int end = start;
    for (int i = 0; i < length; i++) {
      char c = chars[i];
      if (c < 0x80) {
        // Every character that calls for quotes sorts at or before the comma.
        if (c <= ',' && (c == ',' || c == '"' || c == '\n' || c == '\r')) {
          quote = true;
          if (c == '"') {
            bytes[end++] = QUOTE;
          }
        }
        bytes[end++] = (byte) c;
      } else if (c < 0x800) {
        bytes[end++] = (byte) (0xC0 | c >> 6);
        bytes[end++] = (byte) (0x80 | c & 0x3F);
      } else if (!Character.isSurrogate(c)) {
        bytes[end++] = (byte) (0xE0 | c >> 12);
        bytes[end++] = (byte) (0x80 | c >> 6 & 0x3F);
        bytes[end++] = (byte) (0x80 | c & 0x3F);
      } else if (Character.isHighSurrogate(c)
          && i + 1 < length
          && Character.isLowSurrogate(chars[i + 1])) {
        int codePoint = Character.toCodePoint(c, chars[++i]);
        bytes[end++] = (byte) (0xF0 | codePoint >> 18);
        bytes[end++] = (byte) (0x80 | codePoint >> 12 & 0x3F);
        bytes[end++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
        bytes[end++] = (byte) (0x80 | codePoint & 0x3F);
      } else {
        bytes[end++] = '?';
      }
    }
    position = end;
    if (quote) {
      quoteLast(start);
    }
  }

  /** Puts quotes around the field written from {@code start}: rare, and known only at its end. */
  private void quoteLast(int start) {
    System.arraycopy(buffer, start, buffer, start + 1, position - start);
    buffer[start] = QUOTE;
    position += 2;
    buffer[position - 1] = QUOTE;
  }

  /** A text longer than the buffer can surely hold, through the JDK's encoder. */
  private void longText(String text, boolean first) throws IOException {
    boolean quote =
        (first && text.charAt(0) == COMMENT)
            || text.indexOf('"') >= 0
            || text.indexOf(',') >= 0
            || text.indexOf('\n') >= 0
            || text.indexOf('\r') >= 0;
    String field = quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    flush();
    out.write(field.getBytes(UTF_8));
  }

  private static byte[] asks() {
    byte[] asks = new byte[0x80];
    asks[','] = QUOTES;
    asks['\n'] = QUOTES;
    asks['\r'] = QUOTES;
    asks['"'] = QUOTES | DOUBLED_QUOTE;
    return asks;
  }

  private void twoDigits(int value) {
    buffer[position++] = (byte) ('0' + value / 10);
    buffer[position++] = (byte) ('0' + value % 10);
  }

  private void bytes(byte[] bytes) throws IOException {
    reserve(bytes.length);
    System.arraycopy(bytes, 0, buffer, position, bytes.length);
    position += bytes.length;
  }

  private void reserve(int bytes) throws IOException {
    if (position + bytes > buffer.length) {
      flush();
    }
  }

  private void flush() throws IOException {
    out.write(buffer, 0, position);
    position = 0;
  }
}
