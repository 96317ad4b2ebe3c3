package io.crewexport.sink.parquet;

import static java.util.Objects.requireNonNull;

import io.crewexport.spi.ExportTarget;
import java.util.Locale;
import java.util.Map;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * The Parquet sink's options, read from an export's option map.
 *
 * @param codec the compression of column chunks
 * @param rowGroupBytes the size a row group is flushed at; each open export buffers about this much
 */
record ParquetOptions(CompressionCodecName codec, long rowGroupBytes) {
  static final String CODEC = "parquet.codec";
  static final String ROW_GROUP_BYTES = "parquet.row-group-bytes";
  static final long DEFAULT_ROW_GROUP_BYTES = 64L * 1024 * 1024;
  static final long MIN_ROW_GROUP_BYTES = 64L * 1024;
  static final long MAX_ROW_GROUP_BYTES = 1024L * 1024 * 1024;

  private static final Map<String, CompressionCodecName> CODECS =
      Map.of(
          "snappy", CompressionCodecName.SNAPPY,
          "zstd", CompressionCodecName.ZSTD,
          "gzip", CompressionCodecName.GZIP,
          "none", CompressionCodecName.UNCOMPRESSED);

  ParquetOptions {
    requireNonNull(codec, "codec");
    if (rowGroupBytes < MIN_ROW_GROUP_BYTES || rowGroupBytes > MAX_ROW_GROUP_BYTES) {
      throw new IllegalArgumentException("row group size out of range: " + rowGroupBytes);
    }
  }

  /** The options of {@code target}, defaults where unset. */
  static ParquetOptions from(ExportTarget target) {
    return new ParquetOptions(codec(target), rowGroupBytes(target));
  }

  private static CompressionCodecName codec(ExportTarget target) {
    String value = target.option(CODEC).orElse("snappy");
    CompressionCodecName codec = CODECS.get(value.trim().toLowerCase(Locale.ROOT));
    if (codec == null) {
      throw target.invalidOption(CODEC, value, "snappy, zstd, gzip or none");
    }
    return codec;
  }

  private static long rowGroupBytes(ExportTarget target) {
    String value = target.option(ROW_GROUP_BYTES).orElse(Long.toString(DEFAULT_ROW_GROUP_BYTES));
    String range = "a number of bytes from " + MIN_ROW_GROUP_BYTES + " to " + MAX_ROW_GROUP_BYTES;
    try {
      long bytes = Long.parseLong(value.trim());
      if (bytes >= MIN_ROW_GROUP_BYTES && bytes <= MAX_ROW_GROUP_BYTES) {
        return bytes;
      }
    } catch (NumberFormatException e) {
      // Reported below with the accepted range.
    }
    throw target.invalidOption(
        ROW_GROUP_BYTES, value, range + " (default " + DEFAULT_ROW_GROUP_BYTES + ")");
  }
}
