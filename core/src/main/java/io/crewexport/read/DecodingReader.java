package io.crewexport.read;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Decodes a report's bytes strictly: a byte sequence that is not valid in the charset stops the
 * read with an {@link InvalidText} that knows the sequence's offset in the file, where {@link
 * java.io.InputStreamReader} would only say that something failed somewhere in its buffer. A
 * leading byte order mark is dropped, so it never sticks to the first heading or hides its quotes.
 */
final class DecodingReader extends Reader {
  private static final char BYTE_ORDER_MARK = '\uFEFF';

  private final InputStream in;
  private final CharsetDecoder decoder;
  private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
  private final char[] spare = new char[2];
  private int spareStart;
  private int spareEnd;
  private long bytesBeforeBuffer;
  private boolean endOfInput;
  private boolean flushed;
  private boolean atStart = true;

  DecodingReader(InputStream in, Charset charset) {
    this.in = in;
    this.decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  @Override
  public int read(char[] target, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    int count =
        spareStart < spareEnd
            ? takeSpare(target, offset)
            : decode(CharBuffer.wrap(target, offset, length));
    if (count == 0) {
      // A character outside the BMP takes two chars and the caller asked for one.
      spareEnd = decode(CharBuffer.wrap(spare));
      spareStart = 0;
      count = spareEnd < 0 ? -1 : takeSpare(target, offset);
    }
    if (atStart && count > 0) {
      atStart = false;
      if (target[offset] == BYTE_ORDER_MARK) {
        System.arraycopy(target, offset + 1, target, offset, count - 1);
        return count == 1 ? read(target, offset, length) : count - 1;
      }
    }
    return count;
  }

  private int takeSpare(char[] target, int offset) {
    target[offset] = spare[spareStart++];
    return 1;
  }

  /** Decodes into {@code out}: how many chars, 0 when {@code out} is too small, -1 at the end. */
  private int decode(CharBuffer out) throws IOException {
    int start = out.position();
    while (out.position() == start) {
      if (flushed) {
        return -1;
      }
      CoderResult result = decoder.decode(bytes, out, endOfInput);
      if (result.isError()) {
        throw new InvalidText(bytesBeforeBuffer + bytes.position(), bytes, result.length());
      }
      if (result.isOverflow()) {
        break;
      }
      if (endOfInput) {
        flushed = true;
        decoder.flush(out);
      } else {
        fill();
      }
    }
    return out.position() - start;
  }

  private void fill() throws IOException {
    bytesBeforeBuffer += bytes.position();
    bytes.compact();
    int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
    if (read < 0) {
      endOfInput = true;
    } else {
      bytes.position(bytes.position() + read);
    }
    bytes.flip();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  /**
   * The line, counting from 1, on which the byte at {@code offset} of {@code file} lies: line
   * breaks are LF, CR and CRLF, inside quoted cells too, as FastCSV counts them.
   */
  static long lineAt(Path file, Charset charset, long offset) throws IOException {
    long breaks = 0;
    boolean afterCarriageReturn = false;
    char[] chunk = new char[1 << 14];
    try (Reader text =
        new DecodingReader(new Prefix(Files.newInputStream(file), offset), charset)) {
      for (int count; (count = text.read(chunk, 0, chunk.length)) >= 0; ) {
        for (int i = 0; i < count; i++) {
          char c = chunk[i];
          if (c == '\n' ? !afterCarriageReturn : c == '\r') {
            breaks++;
          }
          afterCarriageReturn = c == '\r';
        }
      }
    }
    return breaks + 1;
  }

  /** The first {@code limit} bytes of a stream. */
  private static final class Prefix extends FilterInputStream {
    private long remaining;

    Prefix(InputStream in, long limit) {
      super(in);
      this.remaining = limit;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
      if (remaining <= 0) {
        return -1;
      }
      int read = in.read(target, offset, (int) Math.min(length, remaining));
      remaining -= Math.max(read, 0);
      return read;
    }
  }

  /** Bytes that the charset cannot decode, and where they are. */
  static final class InvalidText extends IOException {
    private static final long serialVersionUID = 1L;

    private final long offset;

    InvalidText(long offset, ByteBuffer buffer, int length) {
      super(hex(buffer, length) + " at byte offset " + offset);
      this.offset = offset;
    }

    /**
     * Says where the bytes are in {@code file}, for an error message: {@code line 3 holds bytes
     * that are not valid UTF-8 (0xC3 at byte offset 41)}.
     */
    String describe(Path file, Charset charset) {
      String line;
      try {
        line = Long.toString(lineAt(file, charset, offset));
      } catch (IOException e) {
        line = "?";
      }
      return "line "
          + line
          + " holds bytes that are not valid "
          + charset.name()
          + " ("
          + getMessage()
          + ")";
    }

    private static String hex(ByteBuffer buffer, int length) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < length && i < 4; i++) {
        text.append(i == 0 ? "" : " ")
            .append(String.format("0x%02X", buffer.get(buffer.position() + i)));
      }
      return text.toString();
    }
  }
}
