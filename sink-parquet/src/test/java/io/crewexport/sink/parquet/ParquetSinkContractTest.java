package io.crewexport.sink.parquet;

import io.crewexport.schema.ReportSchema;
import io.crewexport.spi.ExportTarget;
import io.crewexport.spi.ReportSink;
import io.crewexport.spi.Row;
import io.crewexport.testing.DuckDb;
import io.crewexport.testing.FileTree;
import io.crewexport.testing.SinkContractTest;
import java.nio.file.Path;
import java.util.List;

final class ParquetSinkContractTest extends SinkContractTest {

  @Override
  protected ReportSink createSink() {
    return new ParquetSink();
  }

  /** Reads every published file of the report as users do, with DuckDB's glob. */
  @Override
  protected List<Row> readReport(ReportSchema schema, ExportTarget target) {
    Path report = Path.of(target.outputRoot(), "parquet", target.reportId());
    boolean published =
        FileTree.files(report).stream().anyMatch(file -> file.toString().endsWith(".parquet"));
    if (!published) {
      return List.of();
    }
    return DuckDb.query(
            "SELECT "
                + DuckDb.columnList(schema)
                + " FROM read_parquet("
                + DuckDb.literal(report + "/**/*.parquet")
                + ")")
        .asRows();
  }

  @Override
  protected Object storedState(ExportTarget target) {
    return FileTree.snapshot(Path.of(target.outputRoot(), "parquet"));
  }
}
