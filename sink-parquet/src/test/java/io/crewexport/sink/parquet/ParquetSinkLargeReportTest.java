package io.crewexport.sink.parquet;

import io.crewexport.spi.ExportTarget;
import io.crewexport.spi.ReportSink;
import io.crewexport.testing.DuckDb;
import io.crewexport.testing.LargeReportReadBackTest;

final class ParquetSinkLargeReportTest extends LargeReportReadBackTest {

  @Override
  protected ReportSink createSink() {
    return new ParquetSink();
  }

  @Override
  protected String readQuery(ExportTarget target) {
    String glob = target.outputRoot() + "/parquet/" + target.reportId() + "/**/*.parquet";
    return "SELECT * FROM read_parquet(" + DuckDb.literal(glob) + ", hive_partitioning = false)";
  }
}
