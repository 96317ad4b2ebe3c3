package io.crewexport.example.jsonl;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crewexport.schema.ReportSchema;
import io.crewexport.spi.Row;
import io.crewexport.spi.files.RowFile;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;

/** One JSON object per row and per line; dates as ISO text. */
final class JsonLinesFile implements RowFile {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ReportSchema schema;
  private final JsonGenerator json;

  JsonLinesFile(ReportSchema schema, OutputStream out) throws IOException {
    this.schema = schema;
    this.json = JSON.getFactory().createGenerator(out);
    this.json.setRootValueSeparator(null);
  }

  @Override
  public void write(Row row) throws IOException {
    json.writeStartObject();
    for (int i = 0; i < row.size(); i++) {
      Object value = row.get(i);
      json.writeFieldName(schema.column(i).name());
      json.writeObject(value instanceof LocalDate date ? date.toString() : value);
    }
    json.writeEndObject();
    json.writeRaw('\n');
  }

  @Override
  public void finish() throws IOException {
    json.close();
  }
}
