package io.crewexport.sink.parquet.encoding;

import java.util.Arrays;
import org.apache.parquet.bytes.BytesInput;

/**
 * A growable byte array that page parts are written into, little-endian as Parquet's plain encoding
 * and level lengths are. Reused page after page, so writing a page allocates nothing once the
 * buffer has grown to the largest page.
 */
final class PageBuffer {
  private byte[] bytes = new byte[1024];
  private int size;

  int size() {
    return size;
  }

  void clear() {
    size = 0;
  }

  void writeByte(int value) {
    ensureRoom(1);
    bytes[size++] = (byte) value;
  }

  void setByte(int index, int value) {
    bytes[index] = (byte) value;
  }

  /** Writes the low {@code width} bytes of {@code value}, least significant first. */
  void writeLittleEndian(long value, int width) {
    ensureRoom(width);
    for (int i = 0; i < width; i++) {
      bytes[size++] = (byte) (value >>> (8 * i));
    }
  }

  void writeIntLittleEndian(int value) {
    writeLittleEndian(value, 4);
  }

  /** Writes {@code value} in 7-bit groups, low group first, as the hybrid encoding's headers. */
  void writeUnsignedVarInt(int value) {
    while ((value & ~0x7F) != 0) {
      writeByte((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    writeByte(value);
  }

  void write(byte[] source, int offset, int length) {
    ensureRoom(length);
    System.arraycopy(source, offset, bytes, size, length);
    size += length;
  }

  void write(PageBuffer other) {
    write(other.bytes, 0, other.size);
  }

  /** The bytes written so far, not copied: valid until this buffer is next written or cleared. */
  BytesInput view() {
    return BytesInput.from(bytes, 0, size);
  }

  /** Makes room for {@code more} bytes, so callers can then write them without checks. */
  void ensureRoom(int more) {
    int needed = size + more;
    if (needed > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(needed, bytes.length * 2));
    }
  }

  /** The backing array, for loops that write many bytes after {@link #ensureRoom}. */
  byte[] array() {
    return bytes;
  }

  /** Records that {@code count} bytes were written straight into {@link #array()}. */
  void advance(int count) {
    size += count;
  }
}
