package io.crewexport.sink.parquet;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.parquet.column.statistics.SizeStatistics;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.internal.column.columnindex.ColumnIndex;
import org.apache.parquet.internal.column.columnindex.OffsetIndex;

/**
 * What a Parquet file says about itself beyond its rows: schema, key-value metadata, row groups,
 * and per column chunk its encodings, statistics, size statistics and page indexes. Two files whose
 * facts are equal and whose rows read back equal mean the same; their page bytes may differ.
 */
record ParquetFacts(String schema, Map<String, String> metadata, List<RowGroup> rowGroups) {
  record RowGroup(long rows, List<Chunk> chunks) {}

  /**
   * One column chunk.
   *
   * @param statistics min, max and null count, as bytes in hex
   * @param columnIndex each page's null flag, null count, min and max
   * @param pageFirstRows each page's first row, from the offset index
   */
  record Chunk(
      String path,
      String encodings,
      boolean dictionaryPage,
      String statistics,
      String sizeStatistics,
      String columnIndex,
      List<Long> pageFirstRows) {}

  static ParquetFacts of(Path file) throws IOException {
    try (ParquetFileReader reader = ParquetFileReader.open(ParquetFiles.local(file.toString()))) {
      List<RowGroup> rowGroups = new ArrayList<>();
      for (BlockMetaData block : reader.getFooter().getBlocks()) {
        List<Chunk> chunks = new ArrayList<>();
        for (ColumnChunkMetaData chunk : block.getColumns()) {
          chunks.add(chunk(reader, chunk));
        }
        rowGroups.add(new RowGroup(block.getRowCount(), chunks));
      }
      return new ParquetFacts(
          reader.getFooter().getFileMetaData().getSchema().toString(),
          reader.getFooter().getFileMetaData().getKeyValueMetaData(),
          rowGroups);
    }
  }

  private static Chunk chunk(ParquetFileReader reader, ColumnChunkMetaData chunk)
      throws IOException {
    ColumnIndex columnIndex = reader.readColumnIndex(chunk);
    OffsetIndex offsetIndex = reader.readOffsetIndex(chunk);
    if (columnIndex == null || offsetIndex == null) {
      throw new AssertionError("no column or offset index for " + chunk.getPath());
    }
    List<Long> firstRows = new ArrayList<>();
    for (int page = 0; page < offsetIndex.getPageCount(); page++) {
      firstRows.add(offsetIndex.getFirstRowIndex(page));
    }
    return new Chunk(
        chunk.getPath().toDotString(),
        chunk.getEncodings().toString(),
        chunk.hasDictionaryPage(),
        statistics(chunk.getStatistics()),
        sizeStatistics(chunk.getSizeStatistics()),
        columnIndex(columnIndex),
        firstRows);
  }

  private static String statistics(Statistics<?> statistics) {
    if (!statistics.hasNonNullValue()) {
      return "nulls " + statistics.getNumNulls();
    }
    HexFormat hex = HexFormat.of();
    return "nulls "
        + statistics.getNumNulls()
        + " min "
        + hex.formatHex(statistics.getMinBytes())
        + " max "
        + hex.formatHex(statistics.getMaxBytes());
  }

  private static String sizeStatistics(SizeStatistics statistics) {
    return statistics == null
        ? "none"
        : statistics.getUnencodedByteArrayDataBytes()
            + " "
            + statistics.getRepetitionLevelHistogram()
            + " "
            + statistics.getDefinitionLevelHistogram();
  }

  private static String columnIndex(ColumnIndex index) {
    return index.getBoundaryOrder()
        + " nullPages "
        + index.getNullPages()
        + " nullCounts "
        + index.getNullCounts()
        + " min "
        + hex(index.getMinValues())
        + " max "
        + hex(index.getMaxValues());
  }

  private static List<String> hex(List<ByteBuffer> values) {
    HexFormat hex = HexFormat.of();
    return values.stream()
        .map(
            value -> {
              byte[] bytes = new byte[value.remaining()];
              value.duplicate().get(bytes);
              return hex.formatHex(bytes);
            })
        .toList();
  }
}
