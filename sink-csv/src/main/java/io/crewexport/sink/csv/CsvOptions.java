package io.crewexport.sink.csv;

import static java.util.Objects.requireNonNull;

import io.crewexport.spi.ExportTarget;
import java.util.List;
import java.util.Locale;

/**
 * The CSV sink's options, read from an export's option map.
 *
 * @param header what the header record holds
 * @param gzip whether the file is gzip-compressed
 */
record CsvOptions(Header header, boolean gzip) {
  static final String HEADER = "csv.header";
  static final String GZIP = "csv.gzip";

  /** What the header record holds. */
  enum Header {
    /** The vendor's headings, exactly as sent. */
    HEADINGS,
    /** The unique, safe column names. */
    NAMES
  }

  CsvOptions {
    requireNonNull(header, "header");
  }

  /** The options of {@code target}, defaults where unset. */
  static CsvOptions from(ExportTarget target) {
    Header header =
        Header.valueOf(choice(target, HEADER, "headings", "names").toUpperCase(Locale.ROOT));
    boolean gzip = Boolean.parseBoolean(choice(target, GZIP, "false", "true"));
    return new CsvOptions(header, gzip);
  }

  /** The ending of published files: {@code .csv} or {@code .csv.gz}. */
  String suffix() {
    return gzip ? ".csv.gz" : ".csv";
  }

  /** The option's value, in lower case; the first of {@code allowed} if unset. */
  private static String choice(ExportTarget target, String key, String... allowed) {
    String value = target.option(key).orElse(allowed[0]);
    String normalized = value.trim().toLowerCase(Locale.ROOT);
    if (!List.of(allowed).contains(normalized)) {
      throw target.invalidOption(key, value, String.join(" or ", allowed));
    }
    return normalized;
  }
}
