package io.crewexport.sink.parquet;

import static java.util.Objects.requireNonNull;

import io.crewexport.spi.files.FileStore;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.StreamCapabilities;
import org.apache.hadoop.fs.Syncable;

/**
 * A {@link FileStore} over a Hadoop {@link FileSystem}; paths are Hadoop path strings such as
 * {@code file:/data/lake/x} or {@code hdfs://namenode/lake/x}.
 *
 * <p>Rename is atomic on the local file system and HDFS, a copy and delete on S3A.
 */
final class HadoopFileStore implements FileStore {
  private final FileSystem fileSystem;

  HadoopFileStore(FileSystem fileSystem) {
    this.fileSystem = requireNonNull(fileSystem, "fileSystem");
  }

  @Override
  public OutputStream create(String path) throws IOException {
    return fileSystem.create(new Path(path), true);
  }

  /**
   * Calls {@code hsync} where the stream offers it (HDFS); S3A makes an object durable on close.
   */
  @Override
  public void sync(OutputStream out) throws IOException {
    if (out instanceof Syncable syncable
        && out instanceof StreamCapabilities capabilities
        && capabilities.hasCapability(StreamCapabilities.HSYNC)) {
      syncable.hsync();
    }
  }

  @Override
  public List<String> list(String folder) throws IOException {
    try {
      return Arrays.stream(fileSystem.listStatus(new Path(folder)))
          .filter(FileStatus::isFile)
          .map(status -> status.getPath().getName())
          .sorted()
          .toList();
    } catch (FileNotFoundException e) {
      return List.of();
    }
  }

  @Override
  public void rename(String from, String to) throws IOException {
    Path target = new Path(to);
    // HDFS would move the file inside an existing folder of that name instead of failing.
    if (fileSystem.exists(target)) {
      throw new IOException("cannot rename " + from + ": " + to + " exists");
    }
    if (!fileSystem.rename(new Path(from), target)) {
      throw new IOException("the file system refused to rename " + from + " to " + to);
    }
  }

  @Override
  public void delete(String path) throws IOException {
    fileSystem.delete(new Path(path), false);
  }
}
