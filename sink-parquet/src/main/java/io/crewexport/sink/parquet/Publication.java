package io.crewexport.sink.parquet;

import static java.util.Objects.requireNonNull;

import io.crewexport.spi.files.PartitionFiles;

/**
 * Where one export is published and how users read it back.
 *
 * @param files the partition's staging and publishing protocol
 * @param location the partition folder, as reported to users
 * @param query a DuckDB query over every partition of the report
 * @param localDisk whether the files are on the local disk, where a commit forces them to disk
 */
record Publication(PartitionFiles files, String location, String query, boolean localDisk) {
  Publication {
    requireNonNull(files, "files");
    requireNonNull(location, "location");
    requireNonNull(query, "query");
  }
}
