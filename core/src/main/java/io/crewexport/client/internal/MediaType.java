package io.crewexport.client.internal;

import io.crewexport.CrewexportException;
import io.crewexport.ErrorCode;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;

/**
 * A parsed {@code Content-Type}: its type and charset ({@code charset="utf-8"} and the like
 * understood; UTF-8 when absent).
 */
record MediaType(String type, Charset charset) {

  static MediaType parse(String header) {
    if (header == null || header.isBlank()) {
      return new MediaType("", StandardCharsets.UTF_8);
    }
    String[] parts = header.split(";");
    String type = parts[0].trim().toLowerCase(Locale.ROOT);
    Charset charset = StandardCharsets.UTF_8;
    for (int i = 1; i < parts.length; i++) {
      String[] pair = parts[i].split("=", 2);
      if (pair.length == 2 && pair[0].trim().equalsIgnoreCase("charset")) {
        charset = charset(pair[1].trim().replace("\"", "").replace("'", ""));
      }
    }
    return new MediaType(type, charset);
  }

  boolean isJson() {
    return type.equals("application/json") || type.endsWith("+json") || type.equals("text/json");
  }

  boolean isCsv() {
    return type.equals("text/csv")
        || type.equals("application/csv")
        || type.equals("text/plain")
        || type.equals("application/vnd.ms-excel");
  }

  boolean isHtml() {
    return type.equals("text/html") || type.equals("application/xhtml+xml");
  }

  private static Charset charset(String name) {
    try {
      return Charset.forName(name);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw new CrewexportException(
          ErrorCode.UNEXPECTED_RESPONSE,
          "The report came in charset '"
              + name.replaceAll("\\p{Cntrl}", "?")
              + "', which this Java runtime does not know: ask Crewmojo or the proxy to send UTF-8.");
    }
  }
}
