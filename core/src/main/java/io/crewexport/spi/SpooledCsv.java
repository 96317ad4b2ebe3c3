package io.crewexport.spi;

import static java.util.Objects.requireNonNull;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;

/**
 * A downloaded CSV body on local disk, offered to a {@link SpooledCsvLoader} to load with its own
 * engine.
 *
 * <p>The export reads it as RFC 4180: comma separated, {@code "} quoted with {@code ""} inside
 * quotes, CRLF, LF or CR line ends, empty lines skipped, a UTF-8 byte order mark dropped, its first
 * record the headings, and an empty cell, quoted or not, null. A row with fewer cells than headings
 * is padded with nulls by the export; a loader may refuse such a body instead.
 *
 * @param file the body; it stays in place until the export ends, and must not be changed
 * @param charset its charset
 * @param headings the vendor's headings, in order, one per column of the writer's schema
 */
public record SpooledCsv(Path file, Charset charset, List<String> headings) {
  public SpooledCsv {
    requireNonNull(file, "file");
    requireNonNull(charset, "charset");
    headings = List.copyOf(headings);
  }
}
