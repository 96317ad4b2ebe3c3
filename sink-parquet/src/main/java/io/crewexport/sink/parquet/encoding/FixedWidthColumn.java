package io.crewexport.sink.parquet.encoding;

import org.apache.parquet.column.ColumnDescriptor;

/**
 * A column of 4- or 8-byte values (dates, whole numbers, decimals), dictionary encoded while that
 * pays off, plain-encoded little-endian after. The subclasses keep each page's smallest and largest
 * value as their type orders them, then hand the value's bits to {@link #add}.
 */
abstract class FixedWidthColumn extends DictionaryColumn {
  private final int width;
  private final LongDictionary dictionary;

  FixedWidthColumn(ColumnDescriptor column, int maxDictionaryBytes, int width) {
    super(column, maxDictionaryBytes);
    this.width = width;
    this.dictionary = new LongDictionary(width);
  }

  /**
   * Appends a present value whose plain encoding is the low {@code width} bytes of {@code bits}.
   */
  final void add(long bits) {
    level(PRESENT);
    plainBytes += width;
    if (plainEncoding) {
      plain.writeLittleEndian(bits, width);
    } else {
      addId(dictionary.idOf(bits), dictionary.plainSize());
    }
  }

  @Override
  final int dictionarySize() {
    return dictionary.size();
  }

  @Override
  final long dictionaryPlainSize() {
    return dictionary.plainSize();
  }

  @Override
  final void clearDictionary() {
    dictionary.clear();
  }

  @Override
  final void writePlain(int id, PageBuffer out) {
    out.writeLittleEndian(dictionary.key(id), width);
  }
}
