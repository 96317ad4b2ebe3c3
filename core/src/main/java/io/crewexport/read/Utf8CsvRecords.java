package io.crewexport.read;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import io.crewexport.schema.RowCells;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Objects;

/**
 * Reads the records of a UTF-8 CSV body straight from its bytes: the same records, line numbers and
 * errors as FastCSV over a {@link DecodingReader}, for less work. Every byte is looked at once, for
 * the cells' bounds; {@link Utf8Cells} makes their text, so the ASCII bulk of a report skips the
 * decoder and the char buffer.
 *
 * <p>A record is kept whole in the buffer: one that runs past its end is read again from its start
 * once more bytes are in, and the buffer grows, up to the longest record accepted.
 */
final class Utf8CsvRecords implements CsvRecords {
  private static final int FIRST_BUFFER = 1 << 20;

  /** A record read again each time a line end comes in while it is shorter than this. */
  private static final int SHORT_RECORD = 1 << 16;

  /**
   * The body's first bytes are read this many at a time ({@link #EARLY_STEP}), a buffer's end every
   * few records: the JIT profiles {@code scan()} on them, so it sees the paths a buffer's end takes
   * and compiles them in. Read a megabyte at a time, a buffer's end falls on some of those paths
   * only later, and each first time costs a deoptimization and another compile of {@code scan}
   * (seven compiles instead of three to four per run, and slower code meanwhile).
   */
  static final long EARLY_BYTES = 8 << 20;

  static final int EARLY_STEP = 2048;

  private static final int MORE = 0;
  private static final int END = 1;
  private static final int BLANK = 2;
  private static final int RECORD = 3;

  private final InputStream in;
  private final int maxRecord;
  private final Utf8Cells text = new Utf8Cells();
  // Columns whose text nobody reads: no String is made, but the bytes are still checked.
  private boolean[] unread;

  private byte[] buffer;
  private int limit;
  private int recordStart;
  private long bufferOffset;
  private boolean endOfInput;
  private boolean atStart = true;
  private boolean spacedQuote;

  private int width = -1;
  private long nextLine = 1;
  private long line;
  private int count;
  private int consumed;
  private int breaks;

  /** Where the first non-ASCII cell past the kept ones starts, or -1: checked after the kept. */
  private int uncheckedFrom;

  private int[] starts = new int[64];
  private int[] ends = new int[64];
  private byte[] flags = new byte[64];
  private String[] made = new String[0];
  private final Cells cells = new Cells();

  /**
   * Reads from {@code in}, which this closes.
   *
   * @param maxRecord the longest record accepted, in bytes
   */
  Utf8CsvRecords(InputStream in, int maxRecord) {
    this(in, maxRecord, FIRST_BUFFER);
  }

  /** As above, starting from a buffer of {@code firstBuffer} bytes (tests make it tiny). */
  Utf8CsvRecords(InputStream in, int maxRecord, int firstBuffer) {
    this.in = in;
    this.maxRecord = maxRecord;
    this.buffer = new byte[Math.min(firstBuffer, maxRecord)];
  }

  @Override
  public void width(int columns) {
    this.width = columns;
  }

  @Override
  public long line() {
    return line;
  }

  @Override
  public int cellCount() {
    return count;
  }

  @Override
  public boolean hasSpacedQuote() {
    return spacedQuote;
  }

  @Override
  public String[] next() {
    try {
      switch (advance()) {
        case END:
          return null;
        case BLANK:
          return new String[1];
        default:
          String[] record = build();
          moveOn();
          return record;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The next record with an ASCII cell without doubled quotes left in the buffer, read in place;
   * any other cell is made a String here, in order, so bytes that are not UTF-8 fail as in {@link
   * #next}.
   */
  @Override
  public RowCells nextCells() {
    if (width < 0) {
      return CsvRecords.super.nextCells();
    }
    try {
      switch (advance()) {
        case END:
          return null;
        case BLANK:
          return column -> null;
        default:
          prepareCells();
          moveOn();
          return cells;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Scans, reading more bytes as needed, up to the next record (its bounds noted) or the end; a
   * blank line is skipped unless the report has one column, where it is a row.
   */
  private int advance() throws IOException {
    while (true) {
      line = nextLine;
      switch (scan()) {
        case END:
          return END;
        case BLANK:
          recordStart = consumed;
          nextLine++;
          if (width == 1) {
            count = 1;
            return BLANK;
          }
          break;
        case RECORD:
          return RECORD;
        default:
          fill();
      }
    }
  }

  /** Past the record just scanned and built. */
  private void moveOn() {
    recordStart = consumed;
    nextLine += breaks;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  /**
   * Finds the record at {@code recordStart}: its cells' bounds, where it ends ({@code consumed})
   * and the line breaks it spans ({@code breaks}); or says that more bytes are needed.
   */
  private int scan() throws IOException {
    byte[] bytes = buffer;
    int p = recordStart;
    if (p >= limit) {
      return endOfInput ? END : MORE;
    }
    if (bytes[p] == '\n' || bytes[p] == '\r') {
      int end = lineEnd(p);
      if (end < 0) {
        return MORE;
      }
      consumed = end;
      return BLANK;
    }
    int lineBreaks = 0;
    int cells = 0;
    uncheckedFrom = -1;
    while (true) {
      byte c;
      if (p < limit && bytes[p] == '"') {
        int start = ++p;
        byte flag = 0;
        while (true) {
          if (p >= limit) {
            if (endOfInput) {
              check(recordStart, p);
              throw new CsvSyntaxException("Unclosed quoted field at end of input");
            }
            return MORE;
          }
          c = bytes[p];
          if (c == '"') {
            if (p + 1 >= limit && !endOfInput) {
              return MORE;
            }
            if (p + 1 >= limit || bytes[p + 1] != '"') {
              break;
            }
            flag |= Utf8Cells.ESCAPES;
            p += 2;
            continue;
          }
          if (c == '\n') {
            lineBreaks++;
          } else if (c == '\r') {
            if (p + 1 >= limit && !endOfInput) {
              return MORE;
            }
            if (p + 1 >= limit || bytes[p + 1] != '\n') {
              lineBreaks++;
            }
          } else if (c < 0) {
            flag |= Utf8Cells.NON_ASCII;
          }
          p++;
        }
        cells = cell(cells, start, p, flag);
        p++;
        if (p >= limit) {
          if (!endOfInput) {
            return MORE;
          }
          return record(cells, p, lineBreaks);
        }
        c = bytes[p];
        if (c == ',') {
          p++;
          continue;
        }
        if (c != '\n' && c != '\r') {
          if (c < 0 && p + 4 > limit && !endOfInput) {
            // The error names the character: all its bytes must be in.
            return MORE;
          }
          throw afterClosingQuote(p);
        }
      } else {
        int start = p;
        int seen = 0;
        c = 0;
        while (p < limit) {
          c = bytes[p];
          if (c == ',' || c == '\n' || c == '\r') {
            break;
          }
          seen |= c;
          p++;
        }
        if (p >= limit && !endOfInput) {
          return MORE;
        }
        if (p > start && bytes[start] == ' ') {
          spacedQuote |= startsWithSpacesThenQuote(start, p);
        }
        cells = cell(cells, start, p, seen < 0 ? Utf8Cells.NON_ASCII : 0);
        if (p >= limit) {
          return record(cells, p, lineBreaks);
        }
        if (c == ',') {
          p++;
          continue;
        }
      }
      int end = lineEnd(p);
      if (end < 0) {
        return MORE;
      }
      return record(cells, end, lineBreaks + 1);
    }
  }

  private boolean startsWithSpacesThenQuote(int start, int end) {
    int p = start;
    while (p < end && buffer[p] == ' ') {
      p++;
    }
    return p < end && buffer[p] == '"';
  }

  private boolean holdsLineEnd(int start, int end) {
    for (int p = start; p < end; p++) {
      if (buffer[p] == '\n' || buffer[p] == '\r') {
        return true;
      }
    }
    return false;
  }

  private void check(int start, int end) throws IOException {
    text.check(buffer, start, end, bufferOffset);
  }

  /** Where the line end at {@code p} ends, CRLF as one; -1 if that needs more bytes. */
  private int lineEnd(int p) {
    if (buffer[p] == '\n') {
      return p + 1;
    }
    if (p + 1 >= limit) {
      return endOfInput ? p + 1 : -1;
    }
    return buffer[p + 1] == '\n' ? p + 2 : p + 1;
  }

  private int record(int cells, int end, int lineBreaks) {
    count = cells;
    consumed = end;
    breaks = lineBreaks;
    return RECORD;
  }

  @Override
  public void skipText(boolean[] unread) {
    this.unread = unread.clone();
  }

  /** Notes the bounds of cell number {@code index}, if kept. */
  private int cell(int index, int start, int end, byte flag) {
    int kept = width < 0 ? MAX_COLUMNS : width;
    if (index < kept) {
      if (index == starts.length) {
        int size = Math.min(starts.length * 2, kept);
        starts = Arrays.copyOf(starts, size);
        ends = Arrays.copyOf(ends, size);
        flags = Arrays.copyOf(flags, size);
      }
      starts[index] = start;
      ends[index] = end;
      flags[index] = flag;
    } else if (flag >= Utf8Cells.NON_ASCII && uncheckedFrom < 0) {
      uncheckedFrom = start;
    }
    return index + 1;
  }

  /** Makes the Strings of the cells {@link #cells} does not read in place; checks the unread. */
  private void prepareCells() throws IOException {
    int kept = Math.min(count, width);
    cells.kept = kept;
    if (made.length < kept) {
      made = new String[width];
    }
    for (int i = 0; i < kept; i++) {
      made[i] = null;
      if (starts[i] == ends[i]) {
        continue;
      }
      if (unread(i)) {
        checkUnread(i);
      } else if (flags[i] != 0) {
        made[i] = text.text(buffer, starts[i], ends[i], flags[i], bufferOffset);
      }
    }
    checkDroppedCells();
  }

  private String[] build() throws IOException {
    String[] cells;
    if (width < 0) {
      cells = new String[Math.min(count, MAX_COLUMNS)];
      for (int i = 0; i < cells.length; i++) {
        cells[i] = text.text(buffer, starts[i], ends[i], flags[i], bufferOffset);
      }
    } else {
      cells = new String[width];
      for (int i = 0, kept = Math.min(count, width); i < kept; i++) {
        if (starts[i] == ends[i]) {
          continue;
        }
        if (unread(i)) {
          checkUnread(i);
        } else {
          cells[i] = text.text(buffer, starts[i], ends[i], flags[i], bufferOffset);
        }
      }
    }
    checkDroppedCells();
    return cells;
  }

  /** Whether nobody reads cell {@code i}'s text (see {@link #skipText}). */
  private boolean unread(int i) {
    return unread != null && i < unread.length && unread[i];
  }

  /** Checks that unread cell {@code i} is UTF-8, without making its String. */
  private void checkUnread(int i) throws IOException {
    if (flags[i] >= Utf8Cells.NON_ASCII && !Utf8Cells.wellFormed(buffer, starts[i], ends[i])) {
      text.check(buffer, starts[i], ends[i], bufferOffset);
    }
  }

  /** Cells past the headings are dropped, but their bytes must be text all the same. */
  private void checkDroppedCells() throws IOException {
    if (uncheckedFrom >= 0) {
      check(uncheckedFrom, consumed);
    }
  }

  /** The current record's cells for {@link #nextCells}: Strings made, or ASCII in place. */
  private final class Cells implements RowCells {
    private final AsciiText ascii = new AsciiText();
    private int kept;

    @Override
    public CharSequence cell(int column) {
      if (column >= kept || starts[column] == ends[column]) {
        return null;
      }
      String string = made[column];
      return string != null ? string : ascii.of(buffer, starts[column], ends[column]);
    }
  }

  /** An ASCII cell in place in the buffer, one char per byte; one view, pointed anew per cell. */
  private static final class AsciiText implements CharSequence {
    private byte[] bytes;
    private int start;
    private int length;

    AsciiText of(byte[] bytes, int start, int end) {
      this.bytes = bytes;
      this.start = start;
      this.length = end - start;
      return this;
    }

    @Override
    public int length() {
      return length;
    }

    @Override
    public char charAt(int index) {
      return (char) bytes[start + Objects.checkIndex(index, length)];
    }

    @Override
    public CharSequence subSequence(int from, int to) {
      return toString().substring(from, to);
    }

    @Override
    public String toString() {
      return new String(bytes, start, length, ISO_8859_1);
    }
  }

  /** The error for a character after a closing quote, named as FastCSV names it. */
  private RuntimeException afterClosingQuote(int p) throws IOException {
    // Bad bytes before it come first, as they do where a decoder reads ahead of the parser.
    check(recordStart, p);
    char c = (char) (buffer[p] & 0xFF);
    if (buffer[p] < 0) {
      int end = p + 1;
      while (end < limit && end < p + 4 && (buffer[end] & 0xC0) == 0x80) {
        end++;
      }
      check(p, end);
      // FastCSV sees chars: of a character outside the BMP, the first half.
      c = new String(buffer, p, end - p, UTF_8).charAt(0);
    }
    return new CsvSyntaxException(
        String.format("Unexpected character after closing quote: '%c' (0x%x)", c, (int) c));
  }

  /**
   * Reads more bytes after the record being read, first moving it to the buffer's start, growing
   * the buffer when it is all one record.
   */
  private void fill() throws IOException {
    if (recordStart > 0) {
      System.arraycopy(buffer, recordStart, buffer, 0, limit - recordStart);
      bufferOffset += recordStart;
      limit -= recordStart;
      recordStart = 0;
    }
    if (limit == buffer.length) {
      if (buffer.length >= maxRecord) {
        throw new CsvSyntaxException(
            "the record is longer than " + maxRecord + " bytes, more than any report row holds");
      }
      buffer = Arrays.copyOf(buffer, (int) Math.min(2L * buffer.length, maxRecord));
    }
    // Until the record so far has doubled, so a long one is scanned again only a few times,
    // or, while it is short, until a line end came in that may end it: rows flow while the body
    // trickles in.
    int wanted = (int) Math.min(buffer.length, Math.max(limit + 1L, 2L * limit));
    // A record already longer than a step goes on doubling, so it is never scanned step by step.
    boolean early = bufferOffset < EARLY_BYTES && limit < EARLY_STEP;
    if (early) {
      wanted = Math.min(buffer.length, limit + EARLY_STEP);
    }
    while (limit < wanted) {
      int before = limit;
      int read = in.read(buffer, limit, (early ? wanted : buffer.length) - limit);
      if (read < 0) {
        endOfInput = true;
        break;
      }
      limit += read;
      if (limit < wanted && before < SHORT_RECORD && holdsLineEnd(before, limit)) {
        break;
      }
    }
    // Only the body's first bytes are a byte order mark: once a record has gone (a first one of
    // one or two bytes, read before three were in), U+FEFF is text.
    if (atStart && (limit >= 3 || endOfInput || bufferOffset > 0)) {
      atStart = false;
      if (bufferOffset == 0
          && limit >= 3
          && buffer[0] == (byte) 0xEF
          && buffer[1] == (byte) 0xBB
          && buffer[2] == (byte) 0xBF) {
        recordStart = 3;
      }
    }
  }
}
