package io.crewexport.sink.parquet.encoding;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageWriter;
import org.apache.parquet.column.statistics.SizeStatistics;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.column.statistics.geospatial.GeospatialStatistics;
import org.apache.parquet.schema.PrimitiveType;

/**
 * Encodes one optional top-level column into V1 data pages, as parquet-java's {@code
 * ColumnWriterV1} does: each page holds a 4-byte length and the definition levels in the RLE /
 * bit-packing hybrid (width 1: 1 present, 0 null; a flat column has no repetition levels, which
 * parquet-java declares as {@code BIT_PACKED}), then the present values as the subclass encodes
 * them. Statistics and size statistics are made once per page from what the subclass tracked.
 *
 * <p>Values are appended by the subclasses' typed {@code write} methods; which page they land in is
 * decided by {@link RowGroupEncoder}, for all columns at once.
 */
abstract class ColumnEncoder {
  /** Definition level of a present value; 0 is null. */
  static final int PRESENT = 1;

  final PrimitiveType type;
  private final PageBuffer levelBytes = new PageBuffer();
  private final HybridEncoder levelEncoder = new HybridEncoder(levelBytes);
  private final PageBuffer page = new PageBuffer();
  private int[] levels = new int[1024];
  private int levelsEncoded;
  private PageWriter pages;
  private long rowsWritten;

  /** Values (null or not) in the current page: each is a row. */
  private int values;

  private int nulls;

  ColumnEncoder(ColumnDescriptor column) {
    if (column.getMaxRepetitionLevel() != 0 || column.getMaxDefinitionLevel() != PRESENT) {
      throw new IllegalArgumentException("not an optional top-level column: " + column);
    }
    this.type = column.getPrimitiveType();
  }

  /** Starts a column chunk whose pages go to {@code writer}. */
  final void startChunk(PageWriter writer) {
    pages = writer;
    rowsWritten = 0;
    clearPage();
    startChunkValues();
  }

  final void writeNull() {
    level(0);
    nulls++;
  }

  /** Records the definition level of the next value; called once per value. */
  final void level(int level) {
    if (values == levels.length) {
      levels = Arrays.copyOf(levels, values * 2);
    }
    levels[values++] = level;
  }

  /** Rows in the chunk's pages written so far. */
  final long rowsWritten() {
    return rowsWritten;
  }

  /**
   * The current page's size as parquet-java counts it when deciding to cut it. The levels recorded
   * since the last look are encoded first, so the levels' size is the one parquet-java would see.
   */
  final long pageBufferedSize() {
    levelEncoder.write(levels, levelsEncoded, values);
    levelsEncoded = values;
    return levelEncoder.size() + valuesBufferedSize();
  }

  /** The chunk's size so far: its written pages, compressed, and the current page. */
  final long chunkBufferedSize() {
    return pageBufferedSize() + pages.getMemSize();
  }

  /** Hands the current page, which must hold a value, to the page writer. */
  final void writePage() throws IOException {
    levelEncoder.write(levels, levelsEncoded, values);
    levelEncoder.finish();
    page.clear();
    page.writeIntLittleEndian(levelBytes.size());
    page.write(levelBytes);
    Encoding encoding = writeValues(page);
    pages.writePage(
        page.view(),
        values,
        values,
        statistics(),
        new SizeStatistics(type, unencodedBytes(), new ArrayList<>(), new ArrayList<>()),
        GeospatialStatistics.newBuilder(type).build(),
        Encoding.BIT_PACKED,
        Encoding.RLE,
        encoding);
    rowsWritten += values;
    clearPage();
  }

  /** Writes the last page if it holds a value, then the dictionary page if there is one. */
  final void finishChunk() throws IOException {
    if (values > 0) {
      writePage();
    }
    DictionaryPage dictionary = dictionaryPage();
    if (dictionary != null) {
      pages.writeDictionaryPage(dictionary);
    }
  }

  private Statistics<?> statistics() {
    Statistics<?> statistics = Statistics.createStats(type);
    statistics.incrementNumNulls(nulls);
    if (values > nulls) {
      addMinMax(statistics);
    }
    return statistics;
  }

  private void clearPage() {
    values = 0;
    nulls = 0;
    levelsEncoded = 0;
    levelEncoder.reset(1);
    clearPageValues();
  }

  /** Resets what a column chunk keeps across pages, such as a dictionary. */
  abstract void startChunkValues();

  /** Forgets the current page's values, which were written or discarded. */
  abstract void clearPageValues();

  /** The current page's values' size as parquet-java counts it: plain-encoded. */
  abstract long valuesBufferedSize();

  /** Appends the current page's present values to {@code page}; returns their encoding. */
  abstract Encoding writeValues(PageBuffer page);

  /** Sets the smallest and largest present value of the page, which has at least one. */
  abstract void addMinMax(Statistics<?> statistics);

  /** The page's byte-array bytes before encoding, for size statistics; 0 for other types. */
  long unencodedBytes() {
    return 0;
  }

  /** The chunk's dictionary page, or null when its pages use none. */
  DictionaryPage dictionaryPage() {
    return null;
  }
}
