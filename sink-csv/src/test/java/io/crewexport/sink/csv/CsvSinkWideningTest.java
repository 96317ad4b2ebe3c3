package io.crewexport.sink.csv;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.crewexport.schema.ReportSchema;
import io.crewexport.spi.ReportSink;
import io.crewexport.testing.DuckDb;
import io.crewexport.testing.WideningContractTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

final class CsvSinkWideningTest extends WideningContractTest {

  @Override
  protected ReportSink createSink() {
    return new CsvSink();
  }

  @Override
  protected String sinkFolder() {
    return "csv";
  }

  @Override
  protected String suffix() {
    return ".csv";
  }

  /** CSV records no types in the file: the sidecar's, as a user would pass them. */
  @Override
  protected String readQuery(String glob, ReportSchema schema) {
    return "SELECT * FROM read_csv("
        + DuckDb.literal(glob)
        + ", header = true, allow_quoted_nulls = false, hive_partitioning = false, columns = "
        + DuckDb.columnTypes(schema)
        + ")";
  }

  /** Appends a record whose id is not a number: reading fails after the good rows. */
  @Override
  protected void corrupt(Path publishedFile) throws IOException {
    Files.writeString(publishedFile, "not a number,1,,,\r\n", UTF_8, StandardOpenOption.APPEND);
  }
}
