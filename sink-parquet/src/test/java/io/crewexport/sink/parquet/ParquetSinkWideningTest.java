package io.crewexport.sink.parquet;

import io.crewexport.schema.ReportSchema;
import io.crewexport.spi.ReportSink;
import io.crewexport.testing.DuckDb;
import io.crewexport.testing.WideningContractTest;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;

final class ParquetSinkWideningTest extends WideningContractTest {

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
    return "SELECT * FROM read_parquet(" + DuckDb.literal(glob) + ", hive_partitioning = false)";
  }

  /** Cuts the file in half: its footer is gone. */
  @Override
  protected void corrupt(Path publishedFile) throws IOException {
    try (RandomAccessFile file = new RandomAccessFile(publishedFile.toFile(), "rw")) {
      file.setLength(file.length() / 2);
    }
  }
}
