package io.crewexport.client.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.io.NumberInput;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The top-level fields of a small JSON object (a token, a job ticket, a status or an error answer),
 * read with jackson-core's streaming parser alone.
 *
 * <p>The answers were read as a tree before, through jackson-databind's {@code ObjectMapper}, whose
 * construction loads about 300 classes: a fifth of a second at the start of every export, before
 * the first request could go out. The accessors answer as {@code JsonNode}'s namesakes do, which a
 * test checks against the tree on the same documents.
 *
 * <pre>{@code
 * Optional<JsonFields> answer = JsonFields.parse(bytes);
 * if (answer.isPresent() && answer.get().hasNonNull("jobId")) {
 *   String jobId = answer.get().text("jobId", "");
 * }
 * }</pre>
 */
final class JsonFields {
  private static final JsonFactory FACTORY = new JsonFactory();

  private final Map<String, Value> fields;

  private JsonFields(Map<String, Value> fields) {
    this.fields = fields;
  }

  /**
   * The top-level fields of {@code json}, or empty if it holds no document or another value than an
   * object (an array, a string).
   *
   * @throws IOException if the document is not well-formed JSON up to the end of its first value
   */
  static Optional<JsonFields> parse(byte[] json) throws IOException {
    try (JsonParser parser = FACTORY.createParser(json)) {
      return read(parser);
    }
  }

  /**
   * The top-level fields of {@code json}, as {@link #parse(byte[])} gives them, from decoded text:
   * no byte order mark is skipped and no other encoding than the text's own is guessed, as the tree
   * did with text.
   *
   * @throws IOException if the document is not well-formed JSON up to the end of its first value
   */
  static Optional<JsonFields> parse(String json) throws IOException {
    try (JsonParser parser = FACTORY.createParser(json)) {
      return read(parser);
    }
  }

  private static Optional<JsonFields> read(JsonParser parser) throws IOException {
    try {
      return readObject(parser);
    } catch (JsonProcessingException e) {
      // Not e itself, nor as the cause: its message quotes what it could not read, which in a token
      // answer may be the token, and the retries log it.
      JsonLocation where = e.getLocation();
      throw new IOException(
          (e instanceof JsonEOFException ? "JSON cut short" : "not well-formed JSON")
              + (where == null
                  ? ""
                  : " at line " + where.getLineNr() + ", column " + where.getColumnNr()));
    }
  }

  private static Optional<JsonFields> readObject(JsonParser parser) throws IOException {
    if (parser.nextToken() != JsonToken.START_OBJECT) {
      if (parser.currentToken() != null) {
        readWhole(parser);
      }
      return Optional.empty();
    }
    Map<String, Value> fields = new HashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      fields.put(name, Value.of(parser.nextToken(), parser));
    }
    return Optional.of(new JsonFields(fields));
  }

  /**
   * Reads the value at the parser's current token to its end, every string in it too: the parser
   * reads lazily, and a value is only well-formed JSON if all of it is.
   */
  private static void readWhole(JsonParser parser) throws IOException {
    int depth = 0;
    do {
      JsonToken token = parser.currentToken();
      if (token.isStructStart()) {
        depth++;
      } else if (token.isStructEnd()) {
        depth--;
      } else {
        parser.finishToken();
      }
    } while (depth > 0 && parser.nextToken() != null);
  }

  /** Whether the object has the field, null or not. */
  boolean has(String name) {
    return fields.containsKey(name);
  }

  /** Whether the object has the field with a value other than null. */
  boolean hasNonNull(String name) {
    Value value = fields.get(name);
    return value != null && value.kind != Kind.NULL;
  }

  /**
   * The field's value as text: a string as it is, a number or a boolean as Java writes it, an
   * object or an array as empty text; {@code otherwise} if the field is absent or null.
   */
  String text(String name, String otherwise) {
    Value value = fields.get(name);
    return value == null || value.kind == Kind.NULL ? otherwise : value.text;
  }

  /**
   * The field's value as a whole number: a number cut to its whole part, a string of digits, a
   * boolean as 1 or 0; {@code otherwise} if the field is absent, null, a container or other text.
   */
  long asLong(String name, long otherwise) {
    Value value = fields.get(name);
    if (value == null) {
      return otherwise;
    }
    return switch (value.kind) {
      case NUMBER -> value.number;
      case STRING -> NumberInput.parseAsLong(value.text, otherwise);
      case TRUE -> 1;
      case FALSE -> 0;
      case NULL, CONTAINER -> otherwise;
    };
  }

  private enum Kind {
    STRING,
    NUMBER,
    TRUE,
    FALSE,
    NULL,
    CONTAINER
  }

  private record Value(Kind kind, String text, long number) {
    static Value of(JsonToken token, JsonParser parser) throws IOException {
      return switch (token) {
        case VALUE_STRING -> new Value(Kind.STRING, parser.getText(), 0);
        case VALUE_NUMBER_INT -> wholeNumber(parser);
        case VALUE_NUMBER_FLOAT -> {
          double value = parser.getDoubleValue();
          yield new Value(Kind.NUMBER, String.valueOf(value), (long) value);
        }
        case VALUE_TRUE -> new Value(Kind.TRUE, "true", 1);
        case VALUE_FALSE -> new Value(Kind.FALSE, "false", 0);
        case VALUE_NULL -> new Value(Kind.NULL, "", 0);
        case START_OBJECT, START_ARRAY -> {
          readWhole(parser);
          yield new Value(Kind.CONTAINER, "", 0);
        }
        default -> throw new IOException("unexpected JSON token " + token);
      };
    }

    private static Value wholeNumber(JsonParser parser) throws IOException {
      return switch (parser.getNumberType()) {
        case INT -> {
          int value = parser.getIntValue();
          yield new Value(Kind.NUMBER, String.valueOf(value), value);
        }
        case LONG -> {
          long value = parser.getLongValue();
          yield new Value(Kind.NUMBER, String.valueOf(value), value);
        }
        default -> {
          var value = parser.getBigIntegerValue();
          yield new Value(Kind.NUMBER, value.toString(), value.longValue());
        }
      };
    }
  }
}
