package io.crewexport.sink.parquet.encoding;

import java.util.Arrays;

/**
 * The distinct fixed-width values of a column chunk (dates, whole numbers, the bits of decimals) as
 * longs, numbered in the order first seen, in an open-addressing table: no boxing, no calls per
 * lookup beyond this class.
 */
final class LongDictionary {
  private final int width;
  private long[] keys = new long[256];
  private int size;

  /** Per slot: the entry's id + 1, or 0 when free; beside it the entry's key. */
  private int[] slots = new int[512];

  private long[] slotKeys = new long[512];
  private int shift = 64 - 9;

  /** A dictionary of values that take {@code width} bytes plain-encoded (4 or 8). */
  LongDictionary(int width) {
    this.width = width;
  }

  /** The id of {@code key}, added as the next id if new. */
  int idOf(long key) {
    int mask = slots.length - 1;
    for (int slot = slot(key); ; slot = (slot + 1) & mask) {
      int entry = slots[slot];
      if (entry == 0) {
        return add(slot, key);
      }
      if (slotKeys[slot] == key) {
        return entry - 1;
      }
    }
  }

  int size() {
    return size;
  }

  /** The size of the entries plain-encoded, as a dictionary page holds them. */
  long plainSize() {
    return (long) size * width;
  }

  long key(int id) {
    return keys[id];
  }

  void clear() {
    size = 0;
    Arrays.fill(slots, 0);
  }

  private int add(int slot, long key) {
    int id = size++;
    if (id == keys.length) {
      keys = Arrays.copyOf(keys, id * 2);
    }
    keys[id] = key;
    slots[slot] = id + 1;
    slotKeys[slot] = key;
    // Half full at most, so probes stay short.
    if (size * 2 > slots.length) {
      rehash();
    }
    return id;
  }

  /** Fibonacci hashing: the top bits of the key times the golden ratio spread any pattern. */
  private int slot(long key) {
    return (int) ((key * 0x9E3779B97F4A7C15L) >>> shift);
  }

  private void rehash() {
    int[] oldSlots = slots;
    long[] oldKeys = slotKeys;
    slots = new int[oldSlots.length * 2];
    slotKeys = new long[slots.length];
    shift--;
    int mask = slots.length - 1;
    for (int i = 0; i < oldSlots.length; i++) {
      if (oldSlots[i] != 0) {
        int slot = slot(oldKeys[i]);
        while (slots[slot] != 0) {
          slot = (slot + 1) & mask;
        }
        slots[slot] = oldSlots[i];
        slotKeys[slot] = oldKeys[i];
      }
    }
  }
}
