package io.crewexport.read;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Turns a CSV cell's UTF-8 bytes into its text: an ASCII cell in one copy; a cell with doubled
 * quotes unescaped first; a cell with non-ASCII bytes decoded and, where the JDK's lenient decoder
 * replaced something, checked strictly, so bytes that are not UTF-8 fail with their offset in the
 * file. Used by one reader.
 */
final class Utf8Cells {
  /** A cell's flag: a quoted cell holding doubled quotes. */
  static final byte ESCAPES = 1;

  /** A cell's flag: a cell holding non-ASCII bytes. */
  static final byte NON_ASCII = 2;

  private final CharsetDecoder decoder =
      UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private byte[] unescaped = new byte[256];

  /**
   * The text of the cell at {@code bytes[start, end)}, quotes already off.
   *
   * @param flags the cell's {@link #ESCAPES} and {@link #NON_ASCII}
   * @param offset where {@code bytes[0]} lies in the file, for an error
   * @throws DecodingReader.InvalidText if the bytes are not UTF-8
   */
  String text(byte[] bytes, int start, int end, byte flags, long offset) throws IOException {
    byte[] source = bytes;
    int from = start;
    int to = end;
    if ((flags & ESCAPES) != 0) {
      if ((flags & NON_ASCII) != 0) {
        // Check where the bytes are, so an error gives their offset in the file.
        check(bytes, start, end, offset);
      }
      to = unescape(bytes, start, end);
      from = 0;
      source = unescaped;
    }
    if ((flags & NON_ASCII) == 0) {
      // ASCII: one byte per char, which is what ISO-8859-1 copies without looking.
      return new String(source, from, to - from, ISO_8859_1);
    }
    String text = new String(source, from, to - from, UTF_8);
    // The JDK puts U+FFFD where bytes are not UTF-8; a real U+FFFD in the body is rare.
    if (text.indexOf('\uFFFD') >= 0 && source == bytes) {
      check(bytes, start, end, offset);
    }
    return text;
  }

  /**
   * Whether {@code bytes[start, end)} are well-formed UTF-8: no stray continuation byte, overlong
   * form, surrogate or code point past U+10FFFF. A quick look, without decoding; a caller that
   * needs the error's exact words then asks {@link #check}.
   */
  static boolean wellFormed(byte[] bytes, int start, int end) {
    int i = start;
    while (i < end) {
      int lead = bytes[i] & 0xFF;
      int length = lead < 0x80 ? 1 : lead < 0xC2 ? 0 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
      if (length == 0 || lead > 0xF4 || i + length > end) {
        return false;
      }
      for (int k = 1; k < length; k++) {
        if ((bytes[i + k] & 0xC0) != 0x80) {
          return false;
        }
      }
      if (length >= 3) {
        int second = bytes[i + 1] & 0xFF;
        if (lead == 0xE0 && second < 0xA0 // overlong
            || lead == 0xED && second >= 0xA0 // a surrogate
            || lead == 0xF0 && second < 0x90 // overlong
            || lead == 0xF4 && second >= 0x90) { // past U+10FFFF
          return false;
        }
      }
      i += length;
    }
    return true;
  }

  /**
   * Throws unless {@code bytes[start, end)} are UTF-8.
   *
   * @param offset where {@code bytes[0]} lies in the file
   * @throws DecodingReader.InvalidText naming the first bad bytes and their offset in the file
   */
  void check(byte[] bytes, int start, int end, long offset) throws IOException {
    decoder.reset();
    ByteBuffer text = ByteBuffer.wrap(bytes, start, end - start);
    CoderResult result = decoder.decode(text, CharBuffer.allocate(end - start), true);
    if (result.isError()) {
      throw new DecodingReader.InvalidText(offset + text.position(), text, result.length());
    }
  }

  /** Copies the cell's bytes into {@code unescaped} with each doubled quote made single. */
  private int unescape(byte[] bytes, int start, int end) {
    if (unescaped.length < end - start) {
      unescaped = new byte[Math.max(end - start, unescaped.length * 2)];
    }
    int length = 0;
    for (int p = start; p < end; p++) {
      byte c = bytes[p];
      unescaped[length++] = c;
      if (c == '"') {
        p++;
      }
    }
    return length;
  }
}
