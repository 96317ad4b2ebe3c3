package io.crewexport.sink.parquet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The Parquet sink on an in-process HDFS: one name node and one data node on 127.0.0.1, started
 * once for the class (about ten seconds), their files below {@code target/}.
 */
final class ParquetSinkHdfsContractTest extends HadoopParquetContractTest {
  private static MiniDFSCluster cluster;

  @BeforeAll
  static void startHdfs() throws IOException {
    Path base = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "hdfs");
    Configuration conf = new Configuration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, base.toString());
    cluster = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
    cluster.waitActive();
  }

  @AfterAll
  static void stopHdfs() {
    if (cluster != null) {
      cluster.shutdown();
    }
  }

  @Override
  protected Configuration configuration() {
    return cluster.getConfiguration(0);
  }

  @Override
  protected String fileSystemRoot() {
    return cluster.getURI() + "/lake";
  }
}
