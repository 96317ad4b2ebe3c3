package io.crewexport.spi.files;

import static java.util.Objects.requireNonNull;

/**
 * Where a file sink publishes one export and how users read it back.
 *
 * @param sinkName the sink's name, for messages
 * @param files the partition's staging and publishing protocol
 * @param query a DuckDB query over every partition of the report
 */
public record FilePublication(String sinkName, PartitionFiles files, String query) {
  public FilePublication {
    requireNonNull(sinkName, "sinkName");
    requireNonNull(files, "files");
    requireNonNull(query, "query");
  }
}
