package io.crewexport.example.jsonl;

import io.crewexport.CrewexportException;
import io.crewexport.ErrorCode;
import io.crewexport.schema.ReportSchema;
import io.crewexport.spi.ExportTarget;
import io.crewexport.spi.ReportSink;
import io.crewexport.spi.SinkWriter;
import io.crewexport.spi.files.LocalFileStore;
import io.crewexport.spi.files.PartitionFiles;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes each export as a JSON Lines file, one object per row keyed by safe column name, at {@code
 * <out>/jsonl/<report>/<partition>/part-<run>.jsonl}, staged and published like the built-in file
 * sinks.
 */
public final class JsonLinesSink implements ReportSink {
  private final LocalFileStore store = new LocalFileStore();

  @Override
  public String name() {
    return "jsonl";
  }

  @Override
  public SinkWriter open(ReportSchema schema, ExportTarget target) {
    Path folder =
        Path.of(target.outputRoot())
            .resolve("jsonl")
            .resolve(target.reportId())
            .resolve(target.partitionPath());
    PartitionFiles files = new PartitionFiles(store, folder.toString(), ".jsonl", target.runId());
    try {
      return new JsonLinesWriter(schema, files, files.openStaging());
    } catch (IOException e) {
      throw new CrewexportException(
          ErrorCode.SINK_FAILED,
          "The jsonl sink could not create "
              + files.stagingPath()
              + " for "
              + target.describe()
              + ": "
              + e.getMessage()
              + ". Check that the folder is writable.",
          e);
    }
  }
}
