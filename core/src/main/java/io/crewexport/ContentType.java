package io.crewexport;

import java.util.Locale;

/** The body format asked of the vendor. */
public enum ContentType {
  CSV,
  JSON;

  /** The value of the request's {@code contentType} field. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code csv} or {@code json}, in any case. */
  public static ContentType parse(String text) {
    for (ContentType type : values()) {
      if (type.wireName().equalsIgnoreCase(text.trim())) {
        return type;
      }
    }
    throw new CrewexportException(
        ErrorCode.CONFIGURATION, "Unknown format '" + text + "': use csv or json.");
  }
}
