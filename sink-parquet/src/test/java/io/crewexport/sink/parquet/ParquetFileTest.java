package io.crewexport.sink.parquet;

import static io.crewexport.testing.SampleReport.ROWS;
import static io.crewexport.testing.SampleReport.SCHEMA;
import static io.crewexport.testing.SampleReport.export;
import static io.crewexport.testing.SampleReport.target;
import static org.assertj.core.api.Assertions.assertThat;

import io.crewexport.spi.SinkResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.parquet.avro.AvroSchemaConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.InputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files written straight from rows look, to any reader, as parquet-avro's would. */
final class ParquetFileTest {
  @TempDir Path root;

  private final Schema avroSchema = AvroSchemas.recordOf(SCHEMA, "crewexport_oneonone_summary");

  @Test
  void hasTheParquetSchemaParquetAvroMakesOfTheAvroSchema() throws IOException {
    InputFile file = exported();

    try (ParquetFileReader reader = ParquetFileReader.open(file)) {
      assertThat(reader.getFooter().getFileMetaData().getSchema())
          .isEqualTo(new AvroSchemaConverter().convert(avroSchema));
    }
  }

  @Test
  void storesTheAvroSchemaWhereAvroParquetReaderLooks() {
    Map<String, String> footer = ParquetFiles.footer(exported());

    assertThat(footer)
        .containsEntry("parquet.avro.schema", avroSchema.toString())
        .containsEntry("writer.model.name", "avro");
  }

  @Test
  void avroParquetReaderReadsBackEveryValueAndNull() {
    assertThat(ParquetFiles.rows(exported(), SCHEMA)).isEqualTo(ROWS);
  }

  private InputFile exported() {
    SinkResult result = export(new ParquetSink(), target(root, "r1"), ROWS);
    return ParquetFiles.local(result.files().get(0));
  }
}
