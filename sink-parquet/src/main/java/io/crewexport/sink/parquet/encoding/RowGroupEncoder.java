package io.crewexport.sink.parquet.encoding;

import io.crewexport.schema.ColumnType;
import io.crewexport.schema.ReportSchema;
import io.crewexport.spi.Row;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.schema.MessageType;

/**
 * Encodes rows into V1 pages with encoders of our own, one per column, and cuts pages where
 * parquet-java's column store cuts them: it looks at the columns' sizes every so many rows, as
 * parquet-java schedules that look, and writes a column's page when it is within a tenth of the
 * page size or holds the page row count limit. The look costs nothing per value, and the same cuts
 * keep pages, and so row groups, the size they were.
 *
 * <p>Each value costs one typed call on a final class and no allocation but a dictionary entry.
 */
public final class RowGroupEncoder implements RowGroupWriter {
  private final ColumnType[] types;
  private final ColumnDescriptor[] descriptors;
  private final ColumnEncoder[] encoders;
  private final ParquetProperties properties;
  private final long pageSizeTolerance;
  private long rows;
  private long nextSizeCheck;

  private RowGroupEncoder(MessageType schema, ReportSchema report, ParquetProperties properties) {
    List<ColumnDescriptor> columns = schema.getColumns();
    if (columns.size() != report.size()) {
      throw new IllegalArgumentException(
          "schema has " + columns.size() + " columns, report " + report.size());
    }
    this.properties = properties;
    this.pageSizeTolerance = (long) (properties.getPageSizeThreshold() * 0.1f);
    this.types = new ColumnType[report.size()];
    this.descriptors = columns.toArray(new ColumnDescriptor[0]);
    this.encoders = new ColumnEncoder[types.length];
    for (int i = 0; i < types.length; i++) {
      types[i] = report.column(i).type();
      encoders[i] = encoder(types[i], descriptors[i], properties.getDictionaryPageSizeThreshold());
    }
  }

  /** The encoder of {@code report}'s rows into {@code schema}, a {@link RowGroupWriter.Factory}. */
  public static RowGroupEncoder create(
      MessageType schema, ReportSchema report, ParquetProperties properties) {
    return new RowGroupEncoder(schema, report, properties);
  }

  @Override
  public void start(ColumnChunkPageWriteStore pages) {
    for (int i = 0; i < encoders.length; i++) {
      encoders[i].startChunk(pages.getPageWriter(descriptors[i]));
    }
    rows = 0;
    nextSizeCheck =
        Math.min(properties.getMinRowCountForPageSizeCheck(), properties.getPageRowCountLimit());
  }

  @Override
  public void write(Row row) throws IOException {
    for (int i = 0; i < encoders.length; i++) {
      Object value = row.get(i);
      if (value == null) {
        encoders[i].writeNull();
      } else {
        write(encoders[i], types[i], value);
      }
    }
    if (++rows >= nextSizeCheck) {
      cutPages();
    }
  }

  @Override
  public long bufferedSize() {
    long size = 0;
    for (ColumnEncoder encoder : encoders) {
      size += encoder.chunkBufferedSize();
    }
    return size;
  }

  @Override
  public void flush() throws IOException {
    for (ColumnEncoder encoder : encoders) {
      encoder.finishChunk();
    }
  }

  /** Text as UTF-8; dates as days since 1970-01-01. */
  private static void write(ColumnEncoder encoder, ColumnType type, Object value) {
    switch (type) {
      case TEXT -> ((TextColumn) encoder).write((String) value);
      case BIGINT -> ((IntegerColumn) encoder).write((Long) value);
      case DOUBLE -> ((DoubleColumn) encoder).write((Double) value);
      case BOOLEAN -> ((BooleanColumn) encoder).write((Boolean) value);
      case DATE ->
          ((IntegerColumn) encoder).write(Math.toIntExact(((LocalDate) value).toEpochDay()));
    }
  }

  private static ColumnEncoder encoder(
      ColumnType type, ColumnDescriptor column, int maxDictionaryBytes) {
    return switch (type) {
      case TEXT -> new TextColumn(column, maxDictionaryBytes);
      case BIGINT -> new IntegerColumn(column, maxDictionaryBytes, Long.BYTES);
      case DOUBLE -> new DoubleColumn(column, maxDictionaryBytes);
      case BOOLEAN -> new BooleanColumn(column);
      case DATE -> new IntegerColumn(column, maxDictionaryBytes, Integer.BYTES);
    };
  }

  /**
   * Writes the pages that are full, and schedules the next look: when the fullest column would fill
   * its page at its pace so far (halved, between the properties' bounds), or when a column reaches
   * the row count limit, whichever comes first. This is parquet-java's schedule.
   */
  private void cutPages() throws IOException {
    int rowLimit = properties.getPageRowCountLimit();
    long pageSize = properties.getPageSizeThreshold();
    long nextRowLimitCheck = rows + rowLimit;
    long rowsUntilFull = Long.MAX_VALUE;
    for (ColumnEncoder encoder : encoders) {
      long used = encoder.pageBufferedSize();
      long pageRows = rows - encoder.rowsWritten();
      long remaining = pageSize - used;
      if (remaining <= pageSizeTolerance || pageRows >= rowLimit) {
        encoder.writePage();
        remaining = pageSize;
      } else {
        nextRowLimitCheck = Math.min(nextRowLimitCheck, encoder.rowsWritten() + rowLimit);
      }
      long rowsToFill =
          used == 0 ? properties.getMaxRowCountForPageSizeCheck() : pageRows * remaining / used;
      rowsUntilFull = Math.min(rowsUntilFull, rowsToFill);
    }
    if (rowsUntilFull == Long.MAX_VALUE) {
      rowsUntilFull = properties.getMinRowCountForPageSizeCheck();
    }
    nextSizeCheck = rows + nextCheckDistance(rowsUntilFull);
    nextSizeCheck = Math.min(nextSizeCheck, nextRowLimitCheck);
  }

  private long nextCheckDistance(long rowsUntilFull) {
    long min = properties.getMinRowCountForPageSizeCheck();
    if (!properties.estimateNextSizeCheck()) {
      return min;
    }
    return Math.min(Math.max(rowsUntilFull / 2, min), properties.getMaxRowCountForPageSizeCheck());
  }
}
