package io.crewexport.sink.parquet;

import static java.util.Objects.requireNonNull;

import io.crewexport.spi.files.FileStore;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.Abortable;
import org.apache.hadoop.fs.CommonPathCapabilities;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.fs.StreamCapabilities;
import org.apache.hadoop.fs.Syncable;

/**
 * A {@link FileStore} over a Hadoop {@link FileSystem}; paths are Hadoop path strings such as
 * {@code file:/data/lake/x} or {@code hdfs://namenode/lake/x}.
 *
 * <p>Rename is atomic on the local file system and HDFS, a copy and delete on S3A. A file system
 * whose output streams can be aborted (S3A: an upload shows nothing until it completes) {@linkplain
 * #publishesOnClose() publishes on close}, so files there are written under their final name.
 */
final class HadoopFileStore implements FileStore {
  private final FileSystem fileSystem;
  private final boolean publishesOnClose;

  private HadoopFileStore(FileSystem fileSystem, boolean publishesOnClose) {
    this.fileSystem = requireNonNull(fileSystem, "fileSystem");
    this.publishesOnClose = publishesOnClose;
  }

  /** A store on {@code fileSystem}, whose capabilities are read at {@code root}. */
  static HadoopFileStore of(FileSystem fileSystem, Path root) throws IOException {
    return new HadoopFileStore(
        fileSystem, fileSystem.hasPathCapability(root, CommonPathCapabilities.ABORTABLE_STREAM));
  }

  @Override
  public boolean publishesOnClose() {
    return publishesOnClose;
  }

  /** Aborts the stream where it can be (S3A: the upload), else closes it. */
  @Override
  public void abandon(OutputStream out) throws IOException {
    if (out instanceof Abortable abortable
        && offers(out, CommonPathCapabilities.ABORTABLE_STREAM)) {
      abortable.abort();
    } else {
      out.close();
    }
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
    if (out instanceof Syncable syncable && offers(out, StreamCapabilities.HSYNC)) {
      syncable.hsync();
    }
  }

  @Override
  public List<String> listTree(String folder) throws IOException {
    Path root = fileSystem.makeQualified(new Path(folder));
    String prefix = root.toUri().getPath() + "/";
    List<String> files = new ArrayList<>();
    try {
      RemoteIterator<LocatedFileStatus> statuses = fileSystem.listFiles(root, true);
      while (statuses.hasNext()) {
        String path = statuses.next().getPath().toUri().getPath();
        if (path.startsWith(prefix)) {
          files.add(path.substring(prefix.length()));
        }
      }
    } catch (FileNotFoundException e) {
      return List.of();
    }
    files.sort(null);
    return files;
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

  @Override
  public void deleteEmptyFolder(String folder) throws IOException {
    Path path = new Path(folder);
    try {
      if (fileSystem.getFileStatus(path).isDirectory() && fileSystem.listStatus(path).length == 0) {
        fileSystem.delete(path, false);
      }
    } catch (FileNotFoundException e) {
      // Already gone.
    }
  }

  private static boolean offers(OutputStream out, String capability) {
    return out instanceof StreamCapabilities capabilities && capabilities.hasCapability(capability);
  }
}
