package io.crewexport.runner;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.crewexport.runner.demo.DemoServer;
import io.crewexport.runner.demo.DemoTimings;
import io.crewexport.runner.demo.SampleReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar writes Parquet to HDFS: Hadoop's file systems are found through the jar's merged
 * {@code META-INF/services}, with an in-process HDFS on 127.0.0.1 as the target.
 */
final class HdfsJarIT {
  @TempDir Path folder;

  @Test
  void exportsParquetToHdfsFromThePackagedJar() throws Exception {
    Configuration conf = new Configuration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, folder.resolve("hdfs").toString());
    MiniDFSCluster cluster = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
    try (DemoServer server =
        DemoServer.builder("acme", "hdfs-secret")
            .report(SampleReport.load())
            .timings(
                new DemoTimings(
                    Duration.ofSeconds(5), Duration.ofMinutes(1), Duration.ofMinutes(30)))
            .build()
            .start()) {
      cluster.waitActive();
      String lake = cluster.getURI() + "/lake";
      Path config =
          Files.writeString(
              folder.resolve("config.yaml"),
              "output: '"
                  + lake
                  + "'\n"
                  + "state-dir: '"
                  + folder.resolve("state")
                  + "'\n"
                  + "defaults: {sinks: [parquet]}\n"
                  + "accounts:\n  acme: {base-url: '"
                  + server.baseUrl()
                  + "', client-id: acme,"
                  + " client-secret-env: ACME_SECRET}\n"
                  + "reports:\n  - {id: oneonone.summary, period: 2024-01-01..2024-01-31}\n");

      Path log = folder.resolve("log.txt");
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(List.of("-jar", System.getProperty("crewexport.jar"), "export", "--config"));
      command.add(config.toString());
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      builder.environment().put("ACME_SECRET", "hdfs-secret");
      Process process = builder.redirectOutput(log.toFile()).start();
      assertThat(process.waitFor(180, TimeUnit.SECONDS)).isTrue();
      String output = Files.readString(log, UTF_8);
      assertThat(process.exitValue()).as(output).isZero();

      FileSystem hdfs = cluster.getFileSystem();
      FileStatus[] files =
          hdfs.listStatus(
              new org.apache.hadoop.fs.Path(
                  "/lake/parquet/oneonone.summary/start_date=2024-01-01/end_date=2024-01-31"));
      assertThat(files).hasSize(1);
      assertThat(files[0].getPath().getName()).startsWith("part-").endsWith(".parquet");
      assertThat(files[0].getLen()).isPositive();
      assertThat(output).contains("1 export(s) committed, 0 failed.");
    } finally {
      cluster.shutdown();
    }
  }
}
