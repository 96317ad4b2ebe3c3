package io.crewexport.sink.parquet;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.OutputStream;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/**
 * Lets a Parquet writer write into a staging stream that is already open, so the file is created,
 * made durable and published by {@link io.crewexport.spi.files.StagedFileWriter}.
 *
 * <p>Single use: the stream is handed out once.
 */
final class StagingOutputFile implements OutputFile {
  private final String path;
  private OutputStream stream;

  StagingOutputFile(String path, OutputStream stream) {
    this.path = requireNonNull(path, "path");
    this.stream = requireNonNull(stream, "stream");
  }

  @Override
  public PositionOutputStream create(long blockSizeHint) throws IOException {
    if (stream == null) {
      throw new IOException(path + " was already opened for writing");
    }
    PositionOutputStream counting = new CountingStream(stream);
    stream = null;
    return counting;
  }

  @Override
  public PositionOutputStream createOrOverwrite(long blockSizeHint) throws IOException {
    return create(blockSizeHint);
  }

  @Override
  public boolean supportsBlockSize() {
    return false;
  }

  @Override
  public long defaultBlockSize() {
    return 0;
  }

  @Override
  public String getPath() {
    return path;
  }

  /** Counts the bytes written, the position Parquet records in its footer. */
  private static final class CountingStream extends PositionOutputStream {
    private final OutputStream out;
    private long position;

    CountingStream(OutputStream out) {
      this.out = out;
    }

    @Override
    public long getPos() {
      return position;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      position++;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      out.write(bytes, offset, length);
      position += length;
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }
}
