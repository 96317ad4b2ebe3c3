package io.crewexport.runner.demo;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Streams a report as a JSON array of objects keyed by heading, the shape assumed for the vendor's
 * {@code contentType: json} answer.
 *
 * <p>When two headings are equal (the vendor's sample has {@code Active Division Teams} twice), the
 * key is written twice in each object. JSON text allows duplicate keys, though many readers keep
 * only the last value; the CSV form keeps both columns apart.
 */
final class JsonRowWriter {
  private static final JsonFactory FACTORY =
      JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

  private JsonRowWriter() {}

  /** Writes {@code report} to {@code out}, flushing but not closing it. */
  static void write(DemoReport report, OutputStream out) throws IOException {
    List<String> headings = report.headings();
    try (JsonGenerator json = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      json.writeStartArray();
      report.writeRows(cells -> writeObject(json, headings, cells));
      json.writeEndArray();
    }
  }

  private static void writeObject(JsonGenerator json, List<String> headings, List<String> cells)
      throws IOException {
    if (cells.size() != headings.size()) {
      throw new IllegalStateException(
          "A row has " + cells.size() + " cells for " + headings.size() + " headings");
    }
    json.writeStartObject();
    for (int i = 0; i < cells.size(); i++) {
      json.writeStringField(headings.get(i), cells.get(i));
    }
    json.writeEndObject();
  }
}
