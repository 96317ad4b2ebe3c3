package io.crewexport.sink.parquet.encoding;

import io.crewexport.schema.ReportSchema;
import io.crewexport.spi.Row;
import java.io.IOException;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.schema.MessageType;

/**
 * The value layer of a Parquet file: turns rows into the pages of each row group's column chunks,
 * which the page store compresses, indexes and hands to the file writer.
 */
public interface RowGroupWriter {
  /** Starts a row group whose pages go to {@code pages}. */
  void start(ColumnChunkPageWriteStore pages);

  /** Appends one row, its values typed as the report's columns say. */
  void write(Row row) throws IOException;

  /** The row group's size so far: its pages as written, and its open pages unencoded. */
  long bufferedSize();

  /** Hands the row group's last pages and its dictionary pages to the page store. */
  void flush() throws IOException;

  /** Makes the row group writer of a file. */
  @FunctionalInterface
  interface Factory {
    /**
     * A writer of {@code report}'s rows into {@code schema}'s columns (one optional column per
     * report column, in order), with {@code properties}' page sizes and limits.
     */
    RowGroupWriter create(MessageType schema, ReportSchema report, ParquetProperties properties);
  }
}
