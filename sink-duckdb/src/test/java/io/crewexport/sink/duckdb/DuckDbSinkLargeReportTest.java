package io.crewexport.sink.duckdb;

import io.crewexport.spi.ExportTarget;
import io.crewexport.spi.ReportSink;
import io.crewexport.testing.DuckDb;
import io.crewexport.testing.LargeReport;
import io.crewexport.testing.LargeReportReadBackTest;

final class DuckDbSinkLargeReportTest extends LargeReportReadBackTest {

  @Override
  protected ReportSink createSink() {
    return new DuckDbSink();
  }

  @Override
  protected String readQuery(ExportTarget target) {
    DuckDbSinkConfig config = DuckDbSinkConfig.from(target);
    return "SELECT "
        + DuckDb.columnList(LargeReport.SCHEMA)
        + " FROM \""
        + config.schema()
        + "\".\""
        + target.tableName()
        + "\"";
  }

  /** In the sink's database file, through a connection of its own. */
  @Override
  protected DuckDb.Table query(ExportTarget target, String sql) {
    return DuckDb.query(DuckDbSinkConfig.from(target).file(), sql);
  }
}
