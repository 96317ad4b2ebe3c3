package io.crewexport.sink.parquet;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.crewexport.schema.ColumnType;
import io.crewexport.schema.ReportSchema;
import io.crewexport.spi.Row;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroSchemaConverter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

/**
 * Writes {@link Row}s straight into Parquet's columns, producing the same file parquet-avro would
 * write from the Avro schema of {@link AvroSchemas}: the Parquet schema is converted from that Avro
 * schema by parquet-avro itself, and the Avro schema is stored in the footer where {@code
 * AvroParquetReader} looks for it. Skipping Avro records saves a copy of every value and Avro's
 * schema lookups per value.
 */
final class RowWriteSupport extends WriteSupport<Row> {
  /** The footer key parquet-avro stores the Avro schema under and its reader looks up. */
  static final String AVRO_SCHEMA = "parquet.avro.schema";

  /** The object model parquet-avro names in the footer; our files are exactly what it writes. */
  private static final String AVRO_MODEL = "avro";

  private final MessageType parquetSchema;
  private final Map<String, String> metadata;
  private final ColumnType[] types;
  private final String[] names;
  private RecordConsumer consumer;

  private RowWriteSupport(ReportSchema schema, Schema avroSchema, MessageType parquetSchema) {
    this.parquetSchema = parquetSchema;
    this.metadata = Map.of(AVRO_SCHEMA, avroSchema.toString());
    this.types = new ColumnType[schema.size()];
    this.names = new String[schema.size()];
    for (int i = 0; i < types.length; i++) {
      types[i] = schema.column(i).type();
      names[i] = schema.column(i).name();
    }
  }

  /**
   * A writer builder for rows of {@code schema} into {@code file}, with the Parquet schema
   * parquet-avro makes of {@code avroSchema} under {@code conf}.
   */
  static Builder builder(
      OutputFile file, ReportSchema schema, Schema avroSchema, Configuration conf) {
    MessageType parquetSchema = new AvroSchemaConverter(conf).convert(avroSchema);
    return new Builder(file, new RowWriteSupport(schema, avroSchema, parquetSchema));
  }

  @Override
  public WriteContext init(Configuration configuration) {
    return new WriteContext(parquetSchema, new LinkedHashMap<>(metadata));
  }

  @Override
  public String getName() {
    return AVRO_MODEL;
  }

  @Override
  public void prepareForWrite(RecordConsumer recordConsumer) {
    this.consumer = recordConsumer;
  }

  /** Writes each non-null value into its field; a field left out is null. */
  @Override
  public void write(Row row) {
    consumer.startMessage();
    for (int i = 0; i < types.length; i++) {
      Object value = row.get(i);
      if (value != null) {
        consumer.startField(names[i], i);
        add(types[i], value);
        consumer.endField(names[i], i);
      }
    }
    consumer.endMessage();
  }

  /** Text as its UTF-8 bytes, encoded once; dates as days since 1970-01-01, the Avro date. */
  private void add(ColumnType type, Object value) {
    switch (type) {
      case TEXT ->
          consumer.addBinary(Binary.fromConstantByteArray(((String) value).getBytes(UTF_8)));
      case BIGINT -> consumer.addLong((Long) value);
      case DOUBLE -> consumer.addDouble((Double) value);
      case BOOLEAN -> consumer.addBoolean((Boolean) value);
      case DATE -> consumer.addInteger(Math.toIntExact(((LocalDate) value).toEpochDay()));
    }
  }

  /** Builds a {@link ParquetWriter} of rows with the writer settings of parquet-hadoop. */
  static final class Builder extends ParquetWriter.Builder<Row, Builder> {
    private final RowWriteSupport writeSupport;

    private Builder(OutputFile file, RowWriteSupport writeSupport) {
      super(file);
      this.writeSupport = writeSupport;
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    protected WriteSupport<Row> getWriteSupport(Configuration conf) {
      return writeSupport;
    }
  }
}
