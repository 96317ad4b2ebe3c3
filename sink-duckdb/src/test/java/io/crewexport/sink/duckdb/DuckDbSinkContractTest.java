package io.crewexport.sink.duckdb;

import io.crewexport.schema.ReportSchema;
import io.crewexport.spi.ExportTarget;
import io.crewexport.spi.ReportSink;
import io.crewexport.spi.Row;
import io.crewexport.testing.DuckDb;
import io.crewexport.testing.SinkContractTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

final class DuckDbSinkContractTest extends SinkContractTest {

  @Override
  protected ReportSink createSink() {
    return new DuckDbSink();
  }

  /** Queries the report's table through a connection of its own, as another reader would. */
  @Override
  protected List<Row> readReport(ReportSchema schema, ExportTarget target) {
    DuckDbSinkConfig config = DuckDbSinkConfig.from(target);
    Path file = config.file();
    String table = target.tableName();
    boolean exists =
        Files.exists(file)
            && (Long)
                    DuckDb.value(
                        file,
                        "SELECT count(*) FROM duckdb_tables() WHERE schema_name = "
                            + DuckDb.literal(config.schema())
                            + " AND table_name = "
                            + DuckDb.literal(table))
                > 0;
    if (!exists) {
      return List.of();
    }
    return DuckDb.query(
            file,
            "SELECT "
                + DuckDb.columnList(schema)
                + " FROM \""
                + config.schema()
                + "\".\""
                + table
                + "\"")
        .asRows();
  }
}
