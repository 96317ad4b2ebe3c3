package io.crewexport.runner.faults;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP/1.1 request as the fault server reads it off the socket: method, path, query, headers
 * (names in lower case) and body (by {@code Content-Length}; the client never chunks requests).
 */
record HttpRequest(
    String method, String path, String query, Map<String, String> headers, byte[] body) {

  /** Reads one request, or returns null when the client closed the connection first. */
  static HttpRequest read(InputStream in) throws IOException {
    String requestLine = line(in);
    if (requestLine == null || requestLine.isEmpty()) {
      return null;
    }
    String[] parts = requestLine.split(" ");
    Map<String, String> headers = new LinkedHashMap<>();
    for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
      int colon = header.indexOf(':');
      headers.put(
          header.substring(0, colon).trim().toLowerCase(Locale.ROOT),
          header.substring(colon + 1).trim());
    }
    int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
    String target = parts[1];
    int question = target.indexOf('?');
    return new HttpRequest(
        parts[0],
        question < 0 ? target : target.substring(0, question),
        question < 0 ? "" : target.substring(question + 1),
        headers,
        in.readNBytes(length));
  }

  /** The body as text. */
  String text() {
    return new String(body, UTF_8);
  }

  /** The bearer token sent, if any. */
  Optional<String> bearer() {
    String header = headers.getOrDefault("authorization", "");
    return header.startsWith("Bearer ")
        ? Optional.of(header.substring("Bearer ".length()).trim())
        : Optional.empty();
  }

  /** The value of query parameter {@code name}, if present. */
  Optional<String> queryParameter(String name) {
    for (String pair : query.split("&")) {
      if (pair.startsWith(name + "=")) {
        return Optional.of(pair.substring(name.length() + 1));
      }
    }
    return Optional.empty();
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        return bytes.size() == 0 ? null : bytes.toString(ISO_8859_1);
      }
      if (c != '\r') {
        bytes.write(c);
      }
    }
    return bytes.toString(ISO_8859_1);
  }
}
