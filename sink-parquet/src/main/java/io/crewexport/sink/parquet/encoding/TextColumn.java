package io.crewexport.sink.parquet.encoding;

import java.util.Arrays;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.io.api.Binary;

/**
 * A text column: UTF-8 byte arrays ({@code BINARY} with the {@code STRING} annotation), dictionary
 * encoded while that pays off. Page statistics compare bytes unsigned, as parquet-java does for
 * UTF-8, which orders them as code points.
 */
final class TextColumn extends DictionaryColumn {
  private final Utf8 utf8 = new Utf8();
  private final BytesDictionary dictionary = new BytesDictionary();
  private final PageBuffer min = new PageBuffer();
  private final PageBuffer max = new PageBuffer();
  private boolean hasMinMax;
  private long unencodedBytes;

  /** Per dictionary id, the number of the page that last took it into the statistics. */
  private int[] seenInPage = new int[256];

  private int pageNumber = 1;

  TextColumn(ColumnDescriptor column, int maxDictionaryBytes) {
    super(column, maxDictionaryBytes);
  }

  void write(String text) {
    level(PRESENT);
    utf8.encode(text);
    byte[] bytes = utf8.bytes();
    int length = utf8.length();
    plainBytes += 4 + length;
    unencodedBytes += length;
    if (plainEncoding) {
      plain.writeIntLittleEndian(length);
      plain.write(bytes, 0, length);
      consider(bytes, 0, length);
    } else {
      addId(dictionary.idOf(bytes, length), dictionary.plainSize());
    }
  }

  @Override
  int dictionarySize() {
    return dictionary.size();
  }

  @Override
  long dictionaryPlainSize() {
    return dictionary.plainSize();
  }

  @Override
  void clearDictionary() {
    dictionary.clear();
  }

  @Override
  void writePlain(int id, PageBuffer out) {
    dictionary.writePlain(id, out);
  }

  @Override
  void clearPageStatistics() {
    hasMinMax = false;
    unencodedBytes = 0;
    // A new page number makes every id unseen without clearing the array.
    pageNumber++;
  }

  /** Compares each distinct id of the page once, rather than every value. */
  @Override
  void foldIdsIntoStatistics() {
    if (seenInPage.length < dictionary.size()) {
      seenInPage = Arrays.copyOf(seenInPage, Math.max(dictionary.size(), seenInPage.length * 2));
    }
    for (int i = 0; i < idCount; i++) {
      int id = ids[i];
      if (seenInPage[id] != pageNumber) {
        seenInPage[id] = pageNumber;
        consider(dictionary.arena(), dictionary.offset(id), dictionary.length(id));
      }
    }
  }

  @Override
  void addMinMax(Statistics<?> statistics) {
    if (!plainEncoding) {
      foldIdsIntoStatistics();
    }
    statistics.updateStats(Binary.fromConstantByteArray(copy(min)));
    statistics.updateStats(Binary.fromConstantByteArray(copy(max)));
  }

  @Override
  long unencodedBytes() {
    return unencodedBytes;
  }

  private void consider(byte[] bytes, int offset, int length) {
    if (!hasMinMax) {
      hasMinMax = true;
      replace(min, bytes, offset, length);
      replace(max, bytes, offset, length);
    } else if (compare(bytes, offset, length, min) < 0) {
      replace(min, bytes, offset, length);
    } else if (compare(bytes, offset, length, max) > 0) {
      replace(max, bytes, offset, length);
    }
  }

  private static int compare(byte[] bytes, int offset, int length, PageBuffer other) {
    return Arrays.compareUnsigned(bytes, offset, offset + length, other.array(), 0, other.size());
  }

  private static void replace(PageBuffer target, byte[] bytes, int offset, int length) {
    target.clear();
    target.write(bytes, offset, length);
  }

  private static byte[] copy(PageBuffer buffer) {
    return Arrays.copyOf(buffer.array(), buffer.size());
  }
}
