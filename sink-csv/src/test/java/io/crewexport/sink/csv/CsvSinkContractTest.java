package io.crewexport.sink.csv;

import io.crewexport.schema.ReportSchema;
import io.crewexport.spi.ReportSink;
import io.crewexport.testing.DuckDb;
import io.crewexport.testing.FileSinkContractTest;
import java.util.List;

final class CsvSinkContractTest extends FileSinkContractTest {

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

  @Override
  protected List<String> sidecarSuffixes() {
    return List.of(".meta.json");
  }

  @Override
  protected String readQuery(String glob, ReportSchema schema) {
    return "SELECT * FROM read_csv("
        + DuckDb.literal(glob)
        + ", header = true, allow_quoted_nulls = false, hive_partitioning = false, columns = "
        + DuckDb.columnTypes(schema)
        + ")";
  }
}
