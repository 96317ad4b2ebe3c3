package io.crewexport.read;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.crewexport.CrewexportException;
import io.crewexport.ErrorCode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a JSON report: an array of objects keyed by heading, or an object wrapping such an array
 * (the first array among its fields). Columns follow the keys' first appearance, keys that appear
 * later included; a key missing from an object is an empty cell; a key repeated inside one object
 * is a second column of the same heading. Strings, numbers and booleans are kept as written; {@code
 * null} and {@code ""} are empty; nested objects and arrays are kept as JSON text, numbers in them
 * exactly as written. An element that is not an object is an error naming its line.
 *
 * <p>A first streaming pass collects the keys, a second yields the rows; neither holds the file.
 */
public final class JsonReportReader implements ReportReader {
  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder().maxStringLength(CsvReportReader.MAX_RECORD).build())
          .build();

  private final Path file;
  private final Charset charset;
  private final String source;
  private final Map<String, Integer> columnByKey = new LinkedHashMap<>();
  private final List<String> headings = new ArrayList<>();
  private final JsonParser parser;

  /**
   * Opens {@code file}.
   *
   * @param source names the report in error messages
   */
  public JsonReportReader(Path file, Charset charset, String source) {
    this.file = file;
    this.charset = charset;
    this.source = source;
    scanKeys();
    this.parser = openAtRows();
  }

  @Override
  public List<String> headings() {
    return List.copyOf(headings);
  }

  @Override
  public String[] next() {
    try {
      JsonToken token = parser.nextToken();
      if (token == JsonToken.END_ARRAY || token == null) {
        return null;
      }
      requireObject(parser, token);
      String[] cells = new String[headings.size()];
      Map<String, Integer> seen = new HashMap<>();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String key = occurrence(parser.currentName(), seen);
        parser.nextToken();
        cells[columnByKey.get(key)] = valueText();
      }
      return cells;
    } catch (IOException e) {
      throw malformed(e);
    }
  }

  @Override
  public long paddedRows() {
    return 0;
  }

  @Override
  public void close() {
    try {
      parser.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void scanKeys() {
    try (JsonParser scan = openAtRows()) {
      for (JsonToken token = scan.nextToken(); token != JsonToken.END_ARRAY; ) {
        requireObject(scan, token);
        Map<String, Integer> seen = new HashMap<>();
        while (scan.nextToken() == JsonToken.FIELD_NAME) {
          String name = scan.currentName();
          String key = occurrence(name, seen);
          if (!columnByKey.containsKey(key)) {
            columnByKey.put(key, headings.size());
            headings.add(name);
          }
          scan.nextToken();
          scan.skipChildren();
        }
        token = scan.nextToken();
      }
    } catch (IOException e) {
      throw malformed(e);
    }
  }

  private void requireObject(JsonParser json, JsonToken token) {
    if (token != JsonToken.START_OBJECT) {
      throw malformed(
          at(json)
              + ": an element of the row array is "
              + (token == null ? "missing (the body ends)" : describe(token))
              + ", not an object of cells keyed by heading");
    }
  }

  /** The key of the n-th occurrence of {@code name} within one object. */
  private static String occurrence(String name, Map<String, Integer> seen) {
    int n = seen.merge(name, 1, Integer::sum);
    return n == 1 ? name : name + '\u0000' + n;
  }

  private String valueText() throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
      StringWriter text = new StringWriter();
      try (JsonGenerator generator = FACTORY.createGenerator(text)) {
        copyStructure(generator);
      }
      return text.toString();
    }
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    String text = parser.getText();
    return text.isEmpty() ? null : text;
  }

  /** Copies the object or array at the parser to {@code generator}, numbers as written. */
  private void copyStructure(JsonGenerator generator) throws IOException {
    int depth = 0;
    do {
      JsonToken token = parser.currentToken();
      if (token.isNumeric()) {
        generator.writeNumber(parser.getText());
      } else {
        generator.copyCurrentEvent(parser);
      }
      depth += token.isStructStart() ? 1 : token.isStructEnd() ? -1 : 0;
    } while (depth > 0 && parser.nextToken() != null);
  }

  /** A parser positioned on the row array's start. */
  private JsonParser openAtRows() {
    JsonParser json = null;
    try {
      json = FACTORY.createParser(new DecodingReader(Files.newInputStream(file), charset));
      JsonToken first = json.nextToken();
      if (first == JsonToken.START_ARRAY) {
        return json;
      }
      if (first == JsonToken.START_OBJECT) {
        while (json.nextToken() == JsonToken.FIELD_NAME) {
          if (json.nextToken() == JsonToken.START_ARRAY) {
            return json;
          }
          json.skipChildren();
        }
      }
      throw malformed(
          "the body is "
              + (first == null ? "empty" : describe(first))
              + ", not an array of objects nor an object holding one");
    } catch (IOException e) {
      throw malformed(e);
    } catch (RuntimeException e) {
      closeQuietly(json);
      throw e;
    }
  }

  private static void closeQuietly(JsonParser json) {
    try {
      if (json != null) {
        json.close();
      }
    } catch (IOException e) {
      // Already failing; the first error is the one to report.
    }
  }

  private static String describe(JsonToken token) {
    return switch (token) {
      case START_ARRAY -> "an array";
      case START_OBJECT -> "an object";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> token.toString();
    };
  }

  private static String at(JsonParser json) {
    var location = json.currentTokenLocation();
    return "line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  private CrewexportException malformed(IOException e) {
    if (e instanceof DecodingReader.InvalidText invalid) {
      return malformed(invalid.describe(file, charset));
    }
    if (e instanceof JsonProcessingException json && json.getLocation() != null) {
      return malformed(
          "line "
              + json.getLocation().getLineNr()
              + ", column "
              + json.getLocation().getColumnNr()
              + ": "
              + json.getOriginalMessage());
    }
    return malformed(e.getMessage());
  }

  private CrewexportException malformed(String detail) {
    return new CrewexportException(
        ErrorCode.MALFORMED_REPORT,
        source
            + ": the JSON body cannot be read: "
            + detail
            + ". Nothing was written; report the body to Crewmojo, or export with --format csv.");
  }
}
