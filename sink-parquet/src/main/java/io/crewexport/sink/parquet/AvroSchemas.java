package io.crewexport.sink.parquet;

import io.crewexport.schema.Column;
import io.crewexport.schema.ColumnType;
import io.crewexport.schema.ReportSchema;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/** Builds the Avro record schema that parquet-avro turns into the file's Parquet schema. */
final class AvroSchemas {
  static final String NAMESPACE = "io.crewexport";

  private AvroSchemas() {}

  /**
   * A record named {@code recordName} with one optional field per column, named by the column's
   * safe name and documented with its vendor heading.
   */
  static Schema recordOf(ReportSchema schema, String recordName) {
    List<Schema.Field> fields = new ArrayList<>(schema.size());
    for (Column column : schema.columns()) {
      Schema optional = Schema.createUnion(Schema.create(Schema.Type.NULL), typeOf(column.type()));
      fields.add(
          new Schema.Field(
              column.name(), optional, column.heading(), Schema.Field.NULL_DEFAULT_VALUE));
    }
    return Schema.createRecord(
        recordName, "One row of a Crewmojo report", NAMESPACE, false, fields);
  }

  /** The Avro type of a column's non-null values; dates are days since 1970-01-01. */
  static Schema typeOf(ColumnType type) {
    return switch (type) {
      case TEXT -> Schema.create(Schema.Type.STRING);
      case BIGINT -> Schema.create(Schema.Type.LONG);
      case DOUBLE -> Schema.create(Schema.Type.DOUBLE);
      case BOOLEAN -> Schema.create(Schema.Type.BOOLEAN);
      case DATE -> LogicalTypes.date().addToSchema(Schema.create(Schema.Type.INT));
    };
  }
}
