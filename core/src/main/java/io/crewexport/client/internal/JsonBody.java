package io.crewexport.client.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/**
 * A request body sent as a JSON object, written field by field through Jackson's streaming
 * generator by {@link JsonBodyEncoder}.
 */
public interface JsonBody {
  /** Writes this body's fields; the encoder writes the braces around them. */
  void writeFields(JsonGenerator json) throws IOException;

  /** Writes the field {@code name} unless {@code value} (a String, Number or Boolean) is null. */
  static void writeFieldIfPresent(JsonGenerator json, String name, Object value)
      throws IOException {
    if (value != null) {
      // Without an ObjectMapper behind it, the generator writes these simple types itself.
      json.writeObjectField(name, value);
    }
  }
}
