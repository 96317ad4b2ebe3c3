package io.crewexport.spi.files;

import static java.util.Objects.requireNonNull;

import io.crewexport.schema.ReportSchema;
import java.time.Instant;

/**
 * What a published file of a report was written with, as the file (or its sidecar) records it.
 *
 * @param schema the columns and types the file holds
 * @param extractedAt when the export that wrote it was downloaded
 */
public record StoredFile(ReportSchema schema, Instant extractedAt) {
  public StoredFile {
    requireNonNull(schema, "schema");
    requireNonNull(extractedAt, "extractedAt");
  }
}
