package io.crewexport.testing;

import io.crewexport.schema.ReportSchema;
import io.crewexport.spi.ExportTarget;
import io.crewexport.spi.ReportSink;
import io.crewexport.spi.Row;
import java.util.List;

final class InMemorySinkContractTest extends SinkContractTest {
  private InMemorySink sink;

  @Override
  protected ReportSink createSink() {
    sink = new InMemorySink();
    return sink;
  }

  @Override
  protected List<Row> readReport(ReportSchema schema, ExportTarget target) {
    return sink.rows(target.reportId());
  }
}
