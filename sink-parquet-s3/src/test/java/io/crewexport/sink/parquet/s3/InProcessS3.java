package io.crewexport.sink.parquet.s3;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;

/**
 * An S3-compatible server in this process (S3Proxy over an in-memory store), on 127.0.0.1 only,
 * with one bucket, and the S3A settings that reach it and nothing else.
 */
final class InProcessS3 {
  static final String BUCKET = "lake";
  private static final String ACCESS_KEY = "test-access-key";
  private static final String SECRET_KEY = "test-secret-key";

  private final S3Proxy proxy;

  private InProcessS3(S3Proxy proxy) {
    this.proxy = proxy;
  }

  /** Starts the server on a free port, with an empty bucket {@link #BUCKET}. */
  static InProcessS3 start() throws Exception {
    BlobStore store = new TransientNio2BlobStore();
    store.createContainer(BUCKET);
    S3Proxy proxy =
        S3Proxy.builder()
            .blobStore(store)
            .endpoint(URI.create("http://127.0.0.1:0"))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
            .build();
    proxy.start();
    return new InProcessS3(proxy);
  }

  /**
   * S3A settings for this server: its endpoint and region, so the SDK asks no other host for
   * either; fixed keys, so it never looks for instance credentials; buffers below {@code target/}.
   */
  Configuration configuration() throws IOException {
    Path buffers =
        Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "s3a-buffers");
    Configuration conf = new Configuration();
    conf.set("fs.s3a.endpoint", "http://127.0.0.1:" + proxy.getPort());
    conf.set("fs.s3a.endpoint.region", "us-east-1");
    conf.setBoolean("fs.s3a.path.style.access", true);
    conf.setBoolean("fs.s3a.connection.ssl.enabled", false);
    conf.set(
        "fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
    conf.set("fs.s3a.access.key", ACCESS_KEY);
    conf.set("fs.s3a.secret.key", SECRET_KEY);
    conf.set("fs.s3a.buffer.dir", buffers.toString());
    conf.set("hadoop.tmp.dir", buffers.toString());
    conf.setInt("fs.s3a.attempts.maximum", 2);
    conf.setInt("fs.s3a.retry.limit", 2);
    return conf;
  }

  void stop() throws Exception {
    proxy.stop();
  }
}
