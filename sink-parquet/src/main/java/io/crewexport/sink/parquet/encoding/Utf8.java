package io.crewexport.sink.parquet.encoding;

import java.util.Arrays;

/**
 * Encodes text as UTF-8 into one reused array: {@code String.getBytes} would allocate an array per
 * value. Unpaired surrogates become {@code ?}, as {@code getBytes(UTF_8)} makes them.
 */
final class Utf8 {
  private byte[] bytes = new byte[256];
  private int length;

  /** Encodes {@code text}; its bytes are then {@link #bytes()} up to {@link #length()}. */
  void encode(String text) {
    int chars = text.length();
    // 3 bytes per char at most: a 4-byte sequence takes two chars.
    if (bytes.length < chars * 3) {
      bytes = Arrays.copyOf(bytes, Math.max(chars * 3, bytes.length * 2));
    }
    byte[] out = bytes;
    int n = 0;
    int i = 0;
    // Most text is ASCII: copy it in a loop with nothing else to do.
    while (i < chars) {
      char c = text.charAt(i);
      if (c >= 0x80) {
        break;
      }
      out[n++] = (byte) c;
      i++;
    }
    for (; i < chars; i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        out[n++] = (byte) c;
      } else if (c < 0x800) {
        out[n++] = (byte) (0xC0 | c >> 6);
        out[n++] = (byte) (0x80 | c & 0x3F);
      } else if (Character.isSurrogate(c)) {
        int codePoint =
            Character.isHighSurrogate(c) && i + 1 < chars ? codePoint(c, text.charAt(i + 1)) : -1;
        if (codePoint < 0) {
          out[n++] = '?';
        } else {
          out[n++] = (byte) (0xF0 | codePoint >> 18);
          out[n++] = (byte) (0x80 | codePoint >> 12 & 0x3F);
          out[n++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
          out[n++] = (byte) (0x80 | codePoint & 0x3F);
          i++;
        }
      } else {
        out[n++] = (byte) (0xE0 | c >> 12);
        out[n++] = (byte) (0x80 | c >> 6 & 0x3F);
        out[n++] = (byte) (0x80 | c & 0x3F);
      }
    }
    length = n;
  }

  byte[] bytes() {
    return bytes;
  }

  int length() {
    return length;
  }

  /** The code point of a surrogate pair, or -1 if {@code low} does not complete {@code high}. */
  private static int codePoint(char high, char low) {
    return Character.isLowSurrogate(low) ? Character.toCodePoint(high, low) : -1;
  }
}
