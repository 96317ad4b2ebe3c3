package io.crewexport.sink.duckdb.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Finds a cell that starts with spaces and then a quote, such as {@code "x"}, in a CSV file.
 *
 * <p>The export reads such a cell as it stands, quotes and spaces included, as RFC 4180 says; the
 * CSV reader of DuckDB drops the spaces and reads a quoted value ({@code x}), without an error and
 * in the same number of rows. A body holding one cannot be loaded by DuckDB. The scan follows the
 * export's quoting rules byte by byte, which UTF-8 allows as no ASCII byte occurs inside a
 * multi-byte character, and reads the file once, in large blocks.
 */
final class SpacedQuotes {
  private static final int BLOCK = 1 << 20;

  // Where the scan is: a cell's first byte, spaces at its start, the rest of a cell without
  // quotes, inside a quoted cell, or on a quote inside a quoted cell (closing or doubled).
  private static final int CELL_START = 0;
  private static final int SPACES = 1;
  private static final int UNQUOTED = 2;
  private static final int QUOTED = 3;
  private static final int QUOTE = 4;

  private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private SpacedQuotes() {}

  /** Whether a cell of the UTF-8 or ASCII {@code file}, its heading row included, is one. */
  static boolean occurIn(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      skipByteOrderMark(channel);
      ByteBuffer block = ByteBuffer.allocate(BLOCK);
      int state = CELL_START;
      while (channel.read(block) >= 0) {
        state = scan(block.array(), block.position(), state);
        if (state < 0) {
          return true;
        }
        block.clear();
      }
      return false;
    }
  }

  /**
   * Scans {@code bytes[0, length)} from {@code state}; the state after, or -1 on a spaced quote.
   */
  private static int scan(byte[] bytes, int length, int state) {
    int at = state;
    int i = 0;
    // Inside a cell only its end matters, so those bytes are skipped in tight loops.
    while (i < length && at >= 0) {
      if (at == QUOTED) {
        i = quote(bytes, i, length);
        at = i < length ? QUOTE : QUOTED;
        i++;
      } else if (at == UNQUOTED) {
        i = cellEnd(bytes, i, length);
        at = i < length ? CELL_START : UNQUOTED;
        i++;
      } else {
        at = next(at, bytes[i++]);
      }
    }
    return at;
  }

  private static int next(int state, byte b) {
    return switch (state) {
      case CELL_START -> b == '"' ? QUOTED : b == ' ' ? SPACES : afterPlain(b);
      case SPACES -> b == '"' ? -1 : b == ' ' ? SPACES : afterPlain(b);
      // QUOTE: a doubled quote goes on inside the cell, anything else follows its end.
      default -> b == '"' ? QUOTED : afterPlain(b);
    };
  }

  private static int quote(byte[] bytes, int from, int to) {
    int i = from;
    while (i < to && bytes[i] != '"') {
      i++;
    }
    return i;
  }

  private static int cellEnd(byte[] bytes, int from, int to) {
    int i = from;
    while (i < to && afterPlain(bytes[i]) == UNQUOTED) {
      i++;
    }
    return i;
  }

  /** The state after an unquoted byte: a separator or line end starts the next cell. */
  private static int afterPlain(byte b) {
    return b == ',' || b == '\n' || b == '\r' ? CELL_START : UNQUOTED;
  }

  private static void skipByteOrderMark(FileChannel channel) throws IOException {
    ByteBuffer head = ByteBuffer.allocate(BYTE_ORDER_MARK.length);
    while (head.hasRemaining() && channel.read(head) >= 0) {
      // Reads until the buffer is full or the file ends.
    }
    boolean marked = !head.hasRemaining() && Arrays.equals(head.array(), BYTE_ORDER_MARK);
    channel.position(marked ? BYTE_ORDER_MARK.length : 0);
  }
}
