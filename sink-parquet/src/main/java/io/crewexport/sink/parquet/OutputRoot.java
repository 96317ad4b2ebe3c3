package io.crewexport.sink.parquet;

import static java.util.Objects.requireNonNull;

import io.crewexport.CrewexportException;
import io.crewexport.ErrorCode;
import io.crewexport.spi.ExportTarget;
import io.crewexport.spi.files.FileStore;
import io.crewexport.spi.files.LocalFileStore;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * An output root resolved to the file store that holds it.
 *
 * <p>A plain path or a {@code file:} URI is written with {@code java.nio}, not through Hadoop:
 * Hadoop's local file systems write {@code .crc} side files or, when creating folders, log a
 * warning about its missing native library. Any other URI goes to the Hadoop file system of its
 * scheme, configured by the Hadoop settings on the class path.
 *
 * @param store the file store
 * @param path the root in the store's syntax: an absolute local path or a qualified Hadoop URI
 */
record OutputRoot(FileStore store, String path) {
  // Two letters at least, so a Windows drive such as C: is not taken for a scheme.
  private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]+:.*");

  OutputRoot {
    requireNonNull(store, "store");
    requireNonNull(path, "path");
  }

  /**
   * The output root of {@code target}. A {@code file:} URI is read as a URI ({@code %20} is a
   * space); other URIs keep Hadoop's path syntax, in which they are written unescaped.
   */
  static OutputRoot resolve(ExportTarget target, Configuration conf) {
    String root = target.outputRoot();
    try {
      if (root.regionMatches(true, 0, "file:", 0, 5)) {
        return local(java.nio.file.Path.of(new URI(root)));
      }
      if (!SCHEME.matcher(root).matches()) {
        return local(java.nio.file.Path.of(root));
      }
      Path path = new Path(root);
      FileSystem fileSystem = path.getFileSystem(conf);
      Path qualified = fileSystem.makeQualified(path);
      return new OutputRoot(HadoopFileStore.of(fileSystem, qualified), qualified.toString());
    } catch (IOException | URISyntaxException | RuntimeException e) {
      // Hadoop reports a file system class missing from the class path as a RuntimeException.
      throw new CrewexportException(
          ErrorCode.CONFIGURATION,
          "The parquet sink cannot use the output root '"
              + root
              + "' for "
              + target.describe()
              + ": "
              + e
              + ". Give a local folder, or a file:, hdfs:// or s3a:// URI; for s3a:// put the"
              + " crewexport-sink-parquet-s3 plugin jar (hadoop-aws) on the class path, and the"
              + " file system's settings in core-site.xml.",
          e);
    }
  }

  /** {@code relative}, a {@code /}-separated path, below the root. */
  String resolve(String relative) {
    return store.join(path, relative);
  }

  private static OutputRoot local(java.nio.file.Path path) {
    return new OutputRoot(new LocalFileStore(), path.toAbsolutePath().toString());
  }
}
