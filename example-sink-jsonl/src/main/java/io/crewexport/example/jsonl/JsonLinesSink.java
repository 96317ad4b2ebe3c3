package io.crewexport.example.jsonl;

import io.crewexport.schema.ReportSchema;
import io.crewexport.spi.ExportTarget;
import io.crewexport.spi.ReportSink;
import io.crewexport.spi.SinkWriter;
import io.crewexport.spi.files.LocalFileStore;
import io.crewexport.spi.files.PartitionFiles;
import io.crewexport.spi.files.StagedFileWriter;
import java.nio.file.Path;

/**
 * Writes each export as a JSON Lines file, one object per row keyed by safe column name, at {@code
 * <out>/jsonl/<report>/<partition>/part-<run>.jsonl}. Staging, publishing by rename and replacing
 * earlier exports of the same period come from core's {@link StagedFileWriter}, as for the built-in
 * file sinks; this class only says where, and {@link JsonLinesFile} only how a row looks.
 */
public final class JsonLinesSink implements ReportSink {
  private static final String NAME = "jsonl";

  private final LocalFileStore store = new LocalFileStore();

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public SinkWriter open(ReportSchema schema, ExportTarget target) {
    Path reportFolder =
        Path.of(target.outputRoot()).toAbsolutePath().resolve(NAME).resolve(target.reportId());
    PartitionFiles files =
        new PartitionFiles(store, reportFolder.toString(), target, ".jsonl", NAME);
    String query =
        "SELECT * FROM read_json('"
            + (reportFolder + "/**/*.jsonl").replace("'", "''")
            + "', format = 'newline_delimited', hive_partitioning = true)";
    return StagedFileWriter.open(schema, files, query, out -> new JsonLinesFile(schema, out));
  }
}
