package io.crewexport.spi;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What a committed export wrote.
 *
 * @param rows rows written
 * @param location where a user finds the data: a folder, file or table
 * @param files the files published, if the sink writes files
 * @param query a DuckDB query that reads what was written
 */
public record SinkResult(long rows, String location, List<String> files, String query) {
  public SinkResult {
    requireNonNull(location, "location");
    files = List.copyOf(requireNonNull(files, "files"));
    requireNonNull(query, "query");
  }
}
