package io.crewexport.sink.parquet;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.crewexport.schema.ColumnType;
import io.crewexport.schema.ReportSchema;
import io.crewexport.sink.parquet.encoding.RowGroupWriter;
import io.crewexport.spi.Row;
import java.time.LocalDate;
import java.util.List;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;

/**
 * The value layer as parquet-java's own column writers make it, which the sink used before it had
 * encoders of its own: the reference those encoders are compared with.
 */
final class ParquetJavaColumns implements RowGroupWriter {
  /** Definition level of a present value in an optional top-level column; 0 is null. */
  private static final int PRESENT = 1;

  private final MessageType schema;
  private final ColumnType[] types;
  private final ColumnWriter[] writers;
  private final ParquetProperties properties;
  private ColumnWriteStore columns;

  private ParquetJavaColumns(
      MessageType schema, ReportSchema report, ParquetProperties properties) {
    this.schema = schema;
    this.properties = properties;
    this.types = report.columns().stream().map(column -> column.type()).toArray(ColumnType[]::new);
    this.writers = new ColumnWriter[types.length];
  }

  static RowGroupWriter create(MessageType schema, ReportSchema report, ParquetProperties props) {
    return new ParquetJavaColumns(schema, report, props);
  }

  @Override
  public void start(ColumnChunkPageWriteStore pages) {
    columns = properties.newColumnWriteStore(schema, pages, pages);
    List<ColumnDescriptor> descriptors = schema.getColumns();
    for (int i = 0; i < writers.length; i++) {
      writers[i] = columns.getColumnWriter(descriptors.get(i));
    }
  }

  @Override
  public void write(Row row) {
    for (int i = 0; i < writers.length; i++) {
      Object value = row.get(i);
      if (value == null) {
        writers[i].writeNull(0, 0);
      } else {
        write(writers[i], types[i], value);
      }
    }
    columns.endRecord();
  }

  @Override
  public long bufferedSize() {
    return columns.getBufferedSize();
  }

  @Override
  public void flush() {
    columns.flush();
    columns.close();
  }

  private static void write(ColumnWriter writer, ColumnType type, Object value) {
    switch (type) {
      case TEXT ->
          writer.write(Binary.fromConstantByteArray(((String) value).getBytes(UTF_8)), 0, PRESENT);
      case BIGINT -> writer.write((long) (Long) value, 0, PRESENT);
      case DOUBLE -> writer.write((double) (Double) value, 0, PRESENT);
      case BOOLEAN -> writer.write((boolean) (Boolean) value, 0, PRESENT);
      case DATE -> writer.write(Math.toIntExact(((LocalDate) value).toEpochDay()), 0, PRESENT);
    }
  }
}
