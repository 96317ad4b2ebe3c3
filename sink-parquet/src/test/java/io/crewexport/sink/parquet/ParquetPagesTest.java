package io.crewexport.sink.parquet;

import static io.crewexport.schema.ColumnType.BIGINT;
import static io.crewexport.schema.ColumnType.BOOLEAN;
import static io.crewexport.schema.ColumnType.DATE;
import static io.crewexport.schema.ColumnType.DOUBLE;
import static io.crewexport.schema.ColumnType.TEXT;
import static io.crewexport.testing.SampleReport.export;
import static io.crewexport.testing.SampleReport.target;
import static org.assertj.core.api.Assertions.assertThat;

import io.crewexport.schema.Column;
import io.crewexport.schema.ReportSchema;
import io.crewexport.spi.Row;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The column chunks the sink writes straight into parquet's column writers are byte for byte those
 * AvroParquetWriter writes from the same rows: every page ends at the same row, with the same
 * dictionary, values and statistics.
 */
final class ParquetPagesTest {
  private static final ReportSchema SCHEMA =
      new ReportSchema(
          List.of(
              new Column("Id", "id", BIGINT),
              new Column("Email", "email", TEXT),
              new Column("Team", "team", TEXT),
              new Column("Note", "note", TEXT),
              new Column("Score", "score", DOUBLE),
              new Column("Active", "active", BOOLEAN),
              new Column("Started", "started", DATE),
              new Column("Comment", "comment", TEXT)));

  @TempDir Path root;

  @Test
  void writesTheColumnChunksParquetAvroWrites() throws IOException {
    List<Row> rows = rows(60_000);

    Path ours = Path.of(export(new ParquetSink(), SCHEMA, target(root, "r1"), rows).files().get(0));
    Path avro = writeWithParquetAvro(rows, root.resolve("avro.parquet"));

    List<byte[]> expected = columnChunks(avro);
    List<byte[]> actual = columnChunks(ours);
    assertThat(actual).hasSameSizeAs(expected);
    for (int column = 0; column < expected.size(); column++) {
      assertThat(actual.get(column)).as("column %d", column).isEqualTo(expected.get(column));
    }
  }

  /** Rows whose columns fill pages at different paces, some giving up their dictionary. */
  private static List<Row> rows(int count) {
    Random random = new Random(7);
    List<Row> rows = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      rows.add(
          Row.of(
              (long) i,
              "person" + random.nextInt(1_000_000) + "@example.com",
              "team " + random.nextInt(40),
              random.nextInt(10) == 0 ? "note " + "x".repeat(random.nextInt(200)) : null,
              random.nextBoolean() ? random.nextDouble() * 100 : null,
              random.nextInt(3) == 0 ? null : random.nextBoolean(),
              random.nextInt(4) == 0 ? null : LocalDate.ofEpochDay(random.nextInt(20_000)),
              random.nextInt(5) == 0 ? "ünïcödé " + random.nextLong() : ""));
    }
    return rows;
  }

  private static Path writeWithParquetAvro(List<Row> rows, Path file) throws IOException {
    Schema schema = AvroSchemas.recordOf(SCHEMA, "crewexport_test");
    try (ParquetWriter<GenericRecord> writer =
        AvroParquetWriter.<GenericRecord>builder(new LocalOutputFile(file))
            .withSchema(schema)
            .withCompressionCodec(CompressionCodecName.SNAPPY)
            .build()) {
      for (Row row : rows) {
        GenericRecord record = new GenericData.Record(schema);
        for (int column = 0; column < SCHEMA.size(); column++) {
          Object value = row.get(column);
          record.put(column, value instanceof LocalDate date ? (int) date.toEpochDay() : value);
        }
        writer.write(record);
      }
    }
    return file;
  }

  /** The bytes of each column chunk (its pages) of the file's one row group. */
  private static List<byte[]> columnChunks(Path file) throws IOException {
    List<BlockMetaData> rowGroups;
    try (ParquetFileReader reader = ParquetFileReader.open(ParquetFiles.local(file.toString()))) {
      rowGroups = reader.getFooter().getBlocks();
    }
    assertThat(rowGroups).hasSize(1);
    List<byte[]> chunks = new ArrayList<>();
    try (FileChannel channel = FileChannel.open(file)) {
      for (ColumnChunkMetaData chunk : rowGroups.get(0).getColumns()) {
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate((int) chunk.getTotalSize());
        channel.read(bytes, chunk.getStartingPos());
        chunks.add(bytes.array());
      }
    }
    return chunks;
  }
}
