package io.crewexport.sink.csv;

import io.crewexport.spi.ExportTarget;
import io.crewexport.spi.ReportSink;
import io.crewexport.testing.DuckDb;
import io.crewexport.testing.LargeReport;
import io.crewexport.testing.LargeReportReadBackTest;

final class CsvSinkLargeReportTest extends LargeReportReadBackTest {

  @Override
  protected ReportSink createSink() {
    return new CsvSink();
  }

  /** With the types the sidecar records: a CSV file holds none. */
  @Override
  protected String readQuery(ExportTarget target) {
    String glob = target.outputRoot() + "/csv/" + target.reportId() + "/**/*.csv";
    return "SELECT * FROM read_csv("
        + DuckDb.literal(glob)
        + ", header = true, allow_quoted_nulls = false, hive_partitioning = false, columns = "
        + DuckDb.columnTypes(LargeReport.SCHEMA)
        + ")";
  }
}
