package io.crewexport.sink.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import io.crewexport.testing.SampleReport;
import org.apache.avro.JsonProperties;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

final class AvroSchemasTest {
  private final Schema record =
      AvroSchemas.recordOf(SampleReport.SCHEMA, "crewexport_oneonone_summary");

  @Test
  void namesTheRecordAndItsFieldsBySafeNames() {
    assertThat(record.getFullName()).isEqualTo("io.crewexport.crewexport_oneonone_summary");
    assertThat(record.getFields())
        .extracting(Schema.Field::name)
        .containsExactly("employee_id", "name", "name_2", "score", "active", "last_1_on_1");
  }

  @Test
  void makesEveryFieldOptionalWithANullDefault() {
    for (Schema.Field field : record.getFields()) {
      assertThat(field.schema().getTypes().get(0).getType()).isEqualTo(Schema.Type.NULL);
      assertThat(field.hasDefaultValue()).isTrue();
      assertThat(field.defaultVal()).isEqualTo(JsonProperties.NULL_VALUE);
    }
  }

  @Test
  void mapsEachColumnTypeAndKeepsTheHeadingAsDoc() {
    assertThat(record.getFields())
        .extracting(field -> field.schema().getTypes().get(1).getType())
        .containsExactly(
            Schema.Type.LONG,
            Schema.Type.STRING,
            Schema.Type.STRING,
            Schema.Type.DOUBLE,
            Schema.Type.BOOLEAN,
            Schema.Type.INT);
    assertThat(record.getField("last_1_on_1").schema().getTypes().get(1).getLogicalType())
        .isEqualTo(LogicalTypes.date());
    assertThat(record.getField("name_2").doc()).isEqualTo("Name");
  }
}
