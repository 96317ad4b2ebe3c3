package io.crewexport.read;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crewexport.CrewexportException;
import io.crewexport.ErrorCode;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a JSON report: an array of objects keyed by heading, or an object wrapping such an array.
 * Columns follow the keys' first appearance, keys that appear later included; a key repeated inside
 * one object is a second column of the same heading; nested values are kept as JSON text.
 *
 * <p>A first streaming pass collects the keys, a second yields the rows; neither holds the file.
 */
public final class JsonReportReader implements ReportReader {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonFactory FACTORY = MAPPER.getFactory();

  private final Path file;
  private final Charset charset;
  private final String source;
  private final Map<String, Integer> columnByKey = new LinkedHashMap<>();
  private final List<String> headings = new ArrayList<>();
  private JsonParser parser;

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
      if (parser == null) {
        return null;
      }
      JsonToken token = parser.nextToken();
      if (token == JsonToken.END_ARRAY || token == null) {
        return null;
      }
      if (token != JsonToken.START_OBJECT) {
        throw malformed("an element of the row array is " + token + ", not an object");
      }
      String[] cells = new String[headings.size()];
      Map<String, Integer> seen = new HashMap<>();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String key = occurrence(parser.currentName(), seen);
        parser.nextToken();
        cells[columnByKey.get(key)] = valueText();
      }
      return cells;
    } catch (IOException e) {
      throw malformed(e.getMessage());
    }
  }

  @Override
  public long paddedRows() {
    return 0;
  }

  @Override
  public void close() {
    try {
      if (parser != null) {
        parser.close();
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private void scanKeys() {
    try (JsonParser scan = openAtRows()) {
      if (scan == null) {
        return;
      }
      for (JsonToken token = scan.nextToken(); token == JsonToken.START_OBJECT; ) {
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
      throw malformed(e.getMessage());
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
      return MAPPER.writeValueAsString(parser.readValueAsTree());
    }
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    String text = parser.getText();
    return text.isEmpty() ? null : text;
  }

  /** A parser positioned on the row array's start, or null for an empty wrapper. */
  private JsonParser openAtRows() {
    try {
      var decoder =
          charset
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT);
      Reader reader = new InputStreamReader(Files.newInputStream(file), decoder);
      JsonParser json = FACTORY.createParser(reader);
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
      json.close();
      throw malformed("expected an array of objects, or an object holding one");
    } catch (IOException e) {
      throw malformed(e.getMessage());
    }
  }

  private CrewexportException malformed(String detail) {
    return new CrewexportException(
        ErrorCode.MALFORMED_REPORT,
        source
            + ": the JSON body cannot be read: "
            + detail
            + ". Nothing was written; report the"
            + " body to Crewmojo, or export with --format csv.");
  }
}
