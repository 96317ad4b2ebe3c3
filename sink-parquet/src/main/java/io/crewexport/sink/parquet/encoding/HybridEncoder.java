package io.crewexport.sink.parquet.encoding;

import java.util.Arrays;

/**
 * Encodes small unsigned integers, definition levels and dictionary ids, with Parquet's RLE /
 * bit-packing hybrid: a value repeated 8 times or more becomes one RLE run (a header and the value
 * once); other values are bit-packed in groups of 8, up to 63 groups under one one-byte header.
 *
 * <p>It makes the same choices as parquet-java's {@code RunLengthBitPackingHybridEncoder}, value by
 * value, so its size at any moment is the size parquet-java reports there, which is what pages and
 * row groups are cut on. Values come in arrays, so the loop makes no call per value.
 */
final class HybridEncoder {
  private static final int GROUP = 8;

  /** A bit-packed run's group count must fit its one-byte header beside the run-type bit. */
  private static final int MAX_GROUPS_PER_RUN = 63;

  private final PageBuffer out;
  private final int[] group = new int[GROUP];
  private int bitWidth;
  private long mask;
  private int previous;
  private int repeats;
  private int buffered;
  private int groups;
  private int headerIndex;

  HybridEncoder(PageBuffer out) {
    this.out = out;
    reset(1);
  }

  /** Empties the output and starts encoding values of {@code bitWidth} bits (0 to 32). */
  void reset(int bitWidth) {
    this.bitWidth = bitWidth;
    this.mask = (1L << bitWidth) - 1;
    out.clear();
    previous = 0;
    repeats = 0;
    buffered = 0;
    groups = 0;
    headerIndex = -1;
  }

  void write(int[] values, int from, int to) {
    for (int i = from; i < to; i++) {
      int value = values[i];
      if (value == previous) {
        // From the 8th repeat on the run will be RLE: count it, buffer nothing.
        if (++repeats >= GROUP) {
          continue;
        }
      } else {
        if (repeats >= GROUP) {
          writeRleRun();
        }
        repeats = 1;
        previous = value;
      }
      group[buffered++] = value;
      if (buffered == GROUP) {
        writeGroup();
      }
    }
  }

  /** Bytes written so far; values still buffered for a run or group are not counted. */
  int size() {
    return out.size();
  }

  /** Writes what is buffered: a pending RLE run, or a last group padded with zeros. */
  void finish() {
    if (repeats >= GROUP) {
      writeRleRun();
    } else if (buffered > 0) {
      Arrays.fill(group, buffered, GROUP, 0);
      writeGroup();
      endBitPackedRun();
    } else {
      endBitPackedRun();
    }
  }

  private void writeRleRun() {
    endBitPackedRun();
    out.writeUnsignedVarInt(repeats << 1);
    out.writeLittleEndian(previous, (bitWidth + 7) / 8);
    repeats = 0;
    buffered = 0;
  }

  private void writeGroup() {
    if (groups >= MAX_GROUPS_PER_RUN) {
      endBitPackedRun();
    }
    if (headerIndex < 0) {
      // The header is known only when the run ends: keep its place.
      out.writeByte(0);
      headerIndex = out.size() - 1;
    }
    pack();
    buffered = 0;
    // Repeats just packed cannot start an RLE run any more.
    repeats = 0;
    groups++;
  }

  /** Packs the 8 buffered values into {@code bitWidth} bytes, least significant bit first. */
  private void pack() {
    out.ensureRoom(bitWidth);
    byte[] bytes = out.array();
    int position = out.size();
    long bits = 0;
    int count = 0;
    for (int value : group) {
      bits |= (value & mask) << count;
      count += bitWidth;
      while (count >= 8) {
        bytes[position++] = (byte) bits;
        bits >>>= 8;
        count -= 8;
      }
    }
    out.advance(bitWidth);
  }

  private void endBitPackedRun() {
    if (headerIndex >= 0) {
      out.setByte(headerIndex, (groups << 1) | 1);
      headerIndex = -1;
      groups = 0;
    }
  }
}
