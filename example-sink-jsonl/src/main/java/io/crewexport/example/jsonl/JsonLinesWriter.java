package io.crewexport.example.jsonl;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crewexport.schema.ReportSchema;
import io.crewexport.spi.AbstractSinkWriter;
import io.crewexport.spi.Row;
import io.crewexport.spi.SinkResult;
import io.crewexport.spi.files.PartitionFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

/** Streams rows as JSON objects, one per line, into the staging file; publishes on commit. */
final class JsonLinesWriter extends AbstractSinkWriter {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ReportSchema schema;
  private final PartitionFiles files;
  private final OutputStream staging;
  private final JsonGenerator json;

  JsonLinesWriter(ReportSchema schema, PartitionFiles files, OutputStream staging)
      throws IOException {
    this.schema = schema;
    this.files = files;
    this.staging = staging;
    this.json = JSON.getFactory().createGenerator(staging);
    this.json.setRootValueSeparator(null);
  }

  @Override
  protected void append(Row row) {
    try {
      json.writeStartObject();
      for (int i = 0; i < row.size(); i++) {
        Object value = row.get(i);
        json.writeFieldName(schema.column(i).name());
        json.writeObject(value instanceof LocalDate date ? date.toString() : value);
      }
      json.writeEndObject();
      json.writeRaw('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  protected SinkResult publish(long rows) {
    try {
      json.close();
      String published = files.publish();
      return new SinkResult(
          rows,
          published,
          List.of(published),
          "SELECT * FROM read_json('" + published + "', format = 'newline_delimited')");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  protected void discard() {
    try {
      staging.close();
      files.discard();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
