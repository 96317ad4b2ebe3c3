package io.crewexport.sink.parquet;

import io.crewexport.schema.ReportSchema;
import io.crewexport.spi.ReportSink;
import io.crewexport.testing.DuckDb;
import io.crewexport.testing.FileSinkContractTest;

final class ParquetSinkContractTest extends FileSinkContractTest {

  @Override
  protected ReportSink createSink() {
    return new ParquetSink();
  }

  @Override
  protected String sinkFolder() {
    return "parquet";
  }

  @Override
  protected String suffix() {
    return ".parquet";
  }

  @Override
  protected String readQuery(String glob, ReportSchema schema) {
    return "SELECT "
        + DuckDb.columnList(schema)
        + " FROM read_parquet("
        + DuckDb.literal(glob)
        + ", hive_partitioning = false)";
  }
}
