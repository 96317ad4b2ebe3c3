package io.crewexport.sink.parquet.s3;

import static io.crewexport.testing.ContractReport.JANUARY;
import static io.crewexport.testing.ContractReport.SCHEMA;
import static io.crewexport.testing.ContractReport.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.crewexport.sink.parquet.HadoopParquetContractTest;
import io.crewexport.spi.SinkWriter;
import java.io.IOException;
import java.net.URI;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.statistics.IOStatisticsSupport;
import org.apache.hadoop.fs.statistics.StoreStatisticNames;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Parquet sink on S3 through S3A, against an in-process S3-compatible server: the sink
 * contract, and the commit designed for a store without atomic rename.
 */
final class ParquetSinkS3ContractTest extends HadoopParquetContractTest {
  private static InProcessS3 s3;
  private static Configuration conf;

  @BeforeAll
  static void startS3() throws Exception {
    s3 = InProcessS3.start();
    conf = s3.configuration();
  }

  @AfterAll
  static void stopS3() throws Exception {
    if (s3 != null) {
      s3.stop();
    }
  }

  @Override
  protected Configuration configuration() {
    return conf;
  }

  @Override
  protected String fileSystemRoot() {
    return "s3a://" + InProcessS3.BUCKET;
  }

  @Test
  void commitsWithoutCopyingAnObject() throws IOException {
    export(target(JANUARY, "run-1"), rows("january", 3));
    long copiesBefore = copyRequests();

    export(target(JANUARY, "run-2"), rows("again", 2));

    assertThat(copyRequests()).isEqualTo(copiesBefore);
    assertThat(read()).containsExactlyInAnyOrderElementsOf(rows("again", 2));
  }

  @Test
  void abortedExportUnderTheSameNameKeepsTheEarlierObject() {
    export(target(JANUARY, "run-1"), rows("kept", 3));
    Object before = storedState(target(JANUARY, "reader"));

    try (SinkWriter writer = sink().open(SCHEMA, target(JANUARY, "run-1"))) {
      rows("lost", 500).forEach(writer::write);
    }

    assertThat(storedState(target(JANUARY, "reader"))).isEqualTo(before);
    assertThat(read()).containsExactlyInAnyOrderElementsOf(rows("kept", 3));
  }

  /** The copy requests the S3A client of the bucket has sent; a rename on S3 is a copy. */
  private static long copyRequests() throws IOException {
    FileSystem fileSystem = FileSystem.get(URI.create("s3a://" + InProcessS3.BUCKET), conf);
    Long copies =
        IOStatisticsSupport.retrieveIOStatistics(fileSystem)
            .counters()
            .get(StoreStatisticNames.OBJECT_COPY_REQUESTS);
    return copies == null ? 0 : copies;
  }
}
