package io.crewexport.sink.parquet.encoding;

import java.util.Arrays;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DictionaryPage;

/**
 * A column whose pages hold dictionary ids while the dictionary pays off, and plain values after,
 * with parquet-java's rule for giving up: when the dictionary grows past its maximum size (the
 * dictionary page size, 1 MiB by default), or when the chunk's first page with its dictionary is
 * not smaller than the same values plain. From then on, to the end of the chunk, pages are plain;
 * the pages already written keep their ids, so the dictionary page holds the entries they use.
 *
 * <p>A dictionary page is plain-encoded entries; a page of ids is one byte giving their bit width,
 * then the ids in the RLE / bit-packing hybrid. Both are labelled {@code PLAIN_DICTIONARY}, as
 * parquet-java labels them in V1 files.
 */
abstract class DictionaryColumn extends ColumnEncoder {
  private final int maxDictionaryBytes;
  private final PageBuffer idBytes = new PageBuffer();
  private final HybridEncoder idEncoder = new HybridEncoder(idBytes);
  private final PageBuffer dictionaryBytes = new PageBuffer();

  /** The page's plain values, once the chunk has given up its dictionary. */
  final PageBuffer plain = new PageBuffer();

  /** The page's dictionary ids, one per present value, while the dictionary is used. */
  int[] ids = new int[1024];

  int idCount;
  boolean plainEncoding;

  /** The page's values' size plain-encoded: what parquet-java cuts pages on and judges by. */
  long plainBytes;

  private boolean firstPage;
  private int entriesUsed;

  DictionaryColumn(ColumnDescriptor column, int maxDictionaryBytes) {
    super(column);
    this.maxDictionaryBytes = maxDictionaryBytes;
  }

  /**
   * Records the id of the next present value, and gives up the dictionary if it has grown past its
   * maximum: the caller passes the dictionary's size, sparing a virtual call per value.
   */
  final void addId(int id, long dictionaryPlainSize) {
    if (idCount == ids.length) {
      ids = Arrays.copyOf(ids, idCount * 2);
    }
    ids[idCount++] = id;
    if (dictionaryPlainSize > maxDictionaryBytes) {
      fallBack();
    }
  }

  @Override
  final void startChunkValues() {
    plainEncoding = false;
    firstPage = true;
    entriesUsed = 0;
    clearDictionary();
  }

  @Override
  final void clearPageValues() {
    idCount = 0;
    plain.clear();
    plainBytes = 0;
    clearPageStatistics();
  }

  @Override
  final long valuesBufferedSize() {
    return plainBytes;
  }

  @Override
  final Encoding writeValues(PageBuffer page) {
    if (!plainEncoding) {
      encodeIds();
      if (!firstPage || idBytes.size() + dictionaryPlainSize() < plainBytes) {
        firstPage = false;
        entriesUsed = dictionarySize();
        page.write(idBytes);
        return Encoding.PLAIN_DICTIONARY;
      }
      fallBack();
    }
    firstPage = false;
    page.write(plain);
    return Encoding.PLAIN;
  }

  @Override
  final DictionaryPage dictionaryPage() {
    if (entriesUsed == 0) {
      return null;
    }
    dictionaryBytes.clear();
    for (int id = 0; id < entriesUsed; id++) {
      writePlain(id, dictionaryBytes);
    }
    // The page writer copies the bytes, so the buffer can be reused.
    return new DictionaryPage(dictionaryBytes.view(), entriesUsed, Encoding.PLAIN_DICTIONARY);
  }

  /** Rewrites the page's ids as plain values, and the rest of the chunk will be plain. */
  private void fallBack() {
    plainEncoding = true;
    foldIdsIntoStatistics();
    for (int i = 0; i < idCount; i++) {
      writePlain(ids[i], plain);
    }
    idCount = 0;
    if (entriesUsed == 0) {
      clearDictionary();
    }
  }

  private void encodeIds() {
    int bitWidth = 32 - Integer.numberOfLeadingZeros(dictionarySize() - 1);
    idEncoder.reset(bitWidth);
    idBytes.writeByte(bitWidth);
    idEncoder.write(ids, 0, idCount);
    idEncoder.finish();
  }

  abstract int dictionarySize();

  abstract long dictionaryPlainSize();

  abstract void clearDictionary();

  /** Writes dictionary entry {@code id} plain-encoded into {@code out}. */
  abstract void writePlain(int id, PageBuffer out);

  /** Forgets the page's smallest and largest value. */
  abstract void clearPageStatistics();

  /** Takes the page's ids into its smallest and largest value, before they are rewritten. */
  void foldIdsIntoStatistics() {}
}
