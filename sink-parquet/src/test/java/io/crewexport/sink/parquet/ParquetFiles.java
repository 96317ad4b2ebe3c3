package io.crewexport.sink.parquet;

import io.crewexport.schema.ColumnType;
import io.crewexport.schema.ReportSchema;
import io.crewexport.spi.Row;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalInputFile;

/**
 * Reads Parquet files back with parquet-java itself, on the local disk or any Hadoop file system.
 */
public final class ParquetFiles {
  private ParquetFiles() {}

  /** A file on the local disk. */
  public static InputFile local(String path) {
    return new LocalInputFile(Path.of(path));
  }

  /** A file on a Hadoop file system, such as {@code hdfs://host:port/lake/x.parquet}. */
  public static InputFile hadoop(String path, Configuration conf) {
    try {
      return HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(path), conf);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The key-value metadata of the file's footer, exactly as stored. */
  public static Map<String, String> footer(InputFile file) {
    try (ParquetFileReader reader = ParquetFileReader.open(file)) {
      return reader.getFooter().getFileMetaData().getKeyValueMetaData();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every row of the file, typed as {@code schema} says. */
  public static List<Row> rows(InputFile file, ReportSchema schema) {
    List<Row> rows = new ArrayList<>();
    try (ParquetReader<GenericRecord> reader =
        AvroParquetReader.<GenericRecord>builder(file).withDataModel(GenericData.get()).build()) {
      for (GenericRecord record = reader.read(); record != null; record = reader.read()) {
        rows.add(row(record, schema));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  /** A record read by parquet-avro as a row of {@code schema}. */
  static Row row(GenericRecord record, ReportSchema schema) {
    Object[] values = new Object[schema.size()];
    for (int i = 0; i < values.length; i++) {
      Object value = record.get(schema.column(i).name());
      ColumnType type = schema.column(i).type();
      if (value != null && type == ColumnType.TEXT) {
        value = value.toString();
      } else if (value != null && type == ColumnType.DATE) {
        value = LocalDate.ofEpochDay((Integer) value);
      }
      values[i] = value;
    }
    return Row.wrap(values);
  }
}
