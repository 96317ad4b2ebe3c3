package io.crewexport.sink.parquet.encoding;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The distinct byte strings of a column chunk, numbered in the order first seen: an open-addressing
 * table over one byte arena, so looking a value up allocates nothing and hashes its bytes eight at
 * a time.
 */
final class BytesDictionary {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private byte[] arena = new byte[4096];
  private int arenaSize;
  private int[] offsets = new int[256];
  private int[] lengths = new int[256];
  private int size;
  private long plainSize;

  /** Per slot: the entry's id + 1, or 0 when free; beside it the entry's hash. */
  private int[] slots = new int[512];

  private int[] slotHashes = new int[512];

  /** The id of {@code length} bytes of {@code bytes}, added as the next id if new. */
  int idOf(byte[] bytes, int length) {
    int hash = hash(bytes, length);
    int mask = slots.length - 1;
    for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
      int entry = slots[slot];
      if (entry == 0) {
        return add(slot, hash, bytes, length);
      }
      int id = entry - 1;
      if (slotHashes[slot] == hash
          && Arrays.equals(arena, offsets[id], offsets[id] + lengths[id], bytes, 0, length)) {
        return id;
      }
    }
  }

  int size() {
    return size;
  }

  /** The size of the entries plain-encoded, as a dictionary page holds them. */
  long plainSize() {
    return plainSize;
  }

  byte[] arena() {
    return arena;
  }

  int offset(int id) {
    return offsets[id];
  }

  int length(int id) {
    return lengths[id];
  }

  /** Writes entry {@code id} plain-encoded: its length, 4 bytes little-endian, then its bytes. */
  void writePlain(int id, PageBuffer out) {
    out.writeIntLittleEndian(lengths[id]);
    out.write(arena, offsets[id], lengths[id]);
  }

  void clear() {
    size = 0;
    arenaSize = 0;
    plainSize = 0;
    Arrays.fill(slots, 0);
  }

  private int add(int slot, int hash, byte[] bytes, int length) {
    int id = size++;
    if (id == offsets.length) {
      offsets = Arrays.copyOf(offsets, id * 2);
      lengths = Arrays.copyOf(lengths, id * 2);
    }
    if (arenaSize + length > arena.length) {
      arena = Arrays.copyOf(arena, Math.max(arenaSize + length, arena.length * 2));
    }
    System.arraycopy(bytes, 0, arena, arenaSize, length);
    offsets[id] = arenaSize;
    lengths[id] = length;
    arenaSize += length;
    plainSize += 4L + length;
    slots[slot] = id + 1;
    slotHashes[slot] = hash;
    // Half full at most, so probes stay short.
    if (size * 2 > slots.length) {
      rehash();
    }
    return id;
  }

  private void rehash() {
    int[] newSlots = new int[slots.length * 2];
    int[] newHashes = new int[newSlots.length];
    int mask = newSlots.length - 1;
    for (int i = 0; i < slots.length; i++) {
      if (slots[i] != 0) {
        int slot = slotHashes[i] & mask;
        while (newSlots[slot] != 0) {
          slot = (slot + 1) & mask;
        }
        newSlots[slot] = slots[i];
        newHashes[slot] = slotHashes[i];
      }
    }
    slots = newSlots;
    slotHashes = newHashes;
  }

  private static int hash(byte[] bytes, int length) {
    long hash = length * 0x9E3779B97F4A7C15L;
    int i = 0;
    for (; i + 8 <= length; i += 8) {
      hash = Long.rotateLeft(hash ^ (long) LONGS.get(bytes, i), 29) * 0xBF58476D1CE4E5B9L;
    }
    long tail = 0;
    for (int shift = 0; i < length; i++, shift += 8) {
      tail |= (bytes[i] & 0xFFL) << shift;
    }
    hash = (hash ^ tail) * 0x94D049BB133111EBL;
    return (int) (hash ^ (hash >>> 32));
  }
}
