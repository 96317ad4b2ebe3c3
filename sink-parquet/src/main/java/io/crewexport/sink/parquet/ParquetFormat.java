package io.crewexport.sink.parquet;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crewexport.schema.Column;
import io.crewexport.schema.ColumnType;
import io.crewexport.schema.ReportSchema;
import io.crewexport.spi.ExportTarget;
import io.crewexport.spi.Row;
import io.crewexport.spi.files.FileStore;
import io.crewexport.spi.files.LocalFileStore;
import io.crewexport.spi.files.RewritableFormat;
import io.crewexport.spi.files.RowFile;
import io.crewexport.spi.files.StoredFile;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.metadata.FileMetaData;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * The Parquet file format, which reads back the files it published: their types from the file's own
 * schema, their headings and extraction time from the footer's {@code crewexport.*} metadata. A
 * rewrite reads one row group at a time.
 */
final class ParquetFormat implements RewritableFormat {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final FileStore store;
  private final ParquetOptions options;
  private final Configuration conf;

  ParquetFormat(FileStore store, ParquetOptions options, Configuration conf) {
    this.store = store;
    this.options = options;
    this.conf = conf;
  }

  @Override
  public RowFile start(
      OutputStream out, String stagingPath, ReportSchema schema, ExportTarget target)
      throws IOException {
    return ParquetFile.start(out, stagingPath, schema, target, options, conf);
  }

  @Override
  public Optional<StoredFile> describe(String path) throws IOException {
    try (ParquetFileReader reader = ParquetFileReader.open(inputFile(path))) {
      FileMetaData metadata = reader.getFooter().getFileMetaData();
      Map<String, String> keys = metadata.getKeyValueMetaData();
      String extractedAt = keys.get(FooterMetadata.EXTRACTED_AT);
      if (extractedAt == null) {
        return Optional.empty();
      }
      List<String> headings = headings(keys.get(FooterMetadata.HEADINGS));
      List<Type> fields = metadata.getSchema().getFields();
      List<Column> columns = new ArrayList<>(fields.size());
      for (int i = 0; i < fields.size(); i++) {
        Optional<ColumnType> type = typeOf(fields.get(i));
        if (type.isEmpty()) {
          return Optional.empty();
        }
        String name = fields.get(i).getName();
        String heading = headings.size() == fields.size() ? headings.get(i) : name;
        columns.add(new Column(heading, name, type.get()));
      }
      return Optional.of(new StoredFile(new ReportSchema(columns), Instant.parse(extractedAt)));
    }
  }

  @Override
  public void read(String path, StoredFile file, RowConsumer rows) throws IOException {
    ReportSchema schema = file.schema();
    try (ParquetReader<GenericRecord> reader =
        AvroParquetReader.<GenericRecord>builder(inputFile(path))
            .withDataModel(GenericData.get())
            .withConf(conf)
            .build()) {
      for (GenericRecord record = reader.read(); record != null; record = reader.read()) {
        Object[] values = new Object[schema.size()];
        for (int i = 0; i < values.length; i++) {
          values[i] = rowValue(record.get(i), schema.column(i).type());
        }
        rows.accept(Row.wrap(values));
      }
    }
  }

  private InputFile inputFile(String path) throws IOException {
    return store instanceof LocalFileStore
        ? new LocalInputFile(java.nio.file.Path.of(path))
        : HadoopInputFile.fromPath(new Path(path), conf);
  }

  /** The column type a field written by {@link AvroSchemas} stands for; empty for any other. */
  private static Optional<ColumnType> typeOf(Type field) {
    if (!field.isPrimitive()) {
      return Optional.empty();
    }
    LogicalTypeAnnotation logical = field.getLogicalTypeAnnotation();
    PrimitiveType.PrimitiveTypeName primitive = field.asPrimitiveType().getPrimitiveTypeName();
    return switch (primitive) {
      case BINARY -> Optional.of(ColumnType.TEXT);
      case INT64 -> Optional.of(ColumnType.BIGINT);
      case DOUBLE -> Optional.of(ColumnType.DOUBLE);
      case BOOLEAN -> Optional.of(ColumnType.BOOLEAN);
      case INT32 ->
          logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation
              ? Optional.of(ColumnType.DATE)
              : Optional.empty();
      default -> Optional.empty();
    };
  }

  /** An Avro value as a row value: text from Avro's UTF-8, dates from days since 1970-01-01. */
  private static Object rowValue(Object value, ColumnType type) {
    if (value == null) {
      return null;
    }
    return switch (type) {
      case TEXT -> value.toString();
      case DATE -> LocalDate.ofEpochDay((Integer) value);
      default -> value;
    };
  }

  private static List<String> headings(String json) throws IOException {
    return json == null ? List.of() : JSON.readValue(json, new TypeReference<List<String>>() {});
  }
}
