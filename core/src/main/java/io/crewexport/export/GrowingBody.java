package io.crewexport.export;

import io.crewexport.client.DownloadListener;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The first CSV body of a download, readable while it still streams in, so that reading the report
 * overlaps downloading it. Listens to the download on its thread; {@link #open} gives streams that
 * wait for bytes not yet written, end where the complete body ends, and fail with {@link
 * BodyGoneException} if the body is cut off or refused (the download may then retry with another
 * body, which is not read here).
 */
final class GrowingBody implements DownloadListener {
  private enum State {
    WAITING,
    STREAMING,
    COMPLETE,
    GONE
  }

  private final DownloadListener progress;
  private State state = State.WAITING;
  private Path file;
  private Charset charset;
  private long bytesOnDisk;
  private boolean downloadEnded;
  private final CompletableFuture<Void> started = new CompletableFuture<>();

  /**
   * @param progress told every byte count, of every body
   */
  GrowingBody(DownloadListener progress) {
    this.progress = progress;
  }

  /** Thrown by a stream of a body that was cut off or refused. */
  static final class BodyGoneException extends IOException {
    BodyGoneException(Path file) {
      super("the download of " + file.getFileName() + " was cut off or refused");
    }
  }

  @Override
  public synchronized void csvBodyStarted(Path file, Charset charset) {
    if (state == State.WAITING) {
      this.file = file;
      this.charset = charset;
      started.complete(null);
      state = State.STREAMING;
      notifyAll();
    }
  }

  @Override
  public void received(long bytes) {
    progress.received(bytes);
    synchronized (this) {
      if (state == State.STREAMING) {
        bytesOnDisk = bytes;
        notifyAll();
      }
    }
  }

  @Override
  public synchronized void csvBodyEnded(Path file, boolean complete, long bytes) {
    if (state == State.STREAMING && file.equals(this.file)) {
      state = complete ? State.COMPLETE : State.GONE;
      bytesOnDisk = complete ? bytes : bytesOnDisk;
      notifyAll();
    }
  }

  /** Told by the downloading thread that the download returned or failed. */
  synchronized void downloadEnded() {
    downloadEnded = true;
    started.complete(null);
    if (state == State.STREAMING) {
      state = State.GONE;
    }
    notifyAll();
  }

  /** Completes when the first CSV body starts, or the download ends without one. */
  CompletableFuture<Void> started() {
    return started;
  }

  /** Waits for the first CSV body to start; empty if the download ended without one. */
  synchronized Optional<Path> awaitFile() throws InterruptedException {
    while (state == State.WAITING && !downloadEnded) {
      wait();
    }
    return Optional.ofNullable(file);
  }

  /** The first CSV body's charset; only after {@link #awaitFile} found one. */
  synchronized Charset charset() {
    return charset;
  }

  /** A stream of the body from its first byte. */
  InputStream open() throws IOException {
    try {
      return new Tail(FileChannel.open(file, StandardOpenOption.READ));
    } catch (NoSuchFileException e) {
      // The download refused the body and deleted its file before it could be opened.
      throw new BodyGoneException(file);
    }
  }

  /** Waits until the body has more than {@code position} bytes; false at its end. */
  private synchronized boolean awaitBeyond(long position) throws IOException {
    try {
      while (state == State.STREAMING && bytesOnDisk <= position) {
        wait();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while the report downloads");
    }
    if (state == State.GONE) {
      throw new BodyGoneException(file);
    }
    return bytesOnDisk > position;
  }

  private synchronized long bytesOnDisk() {
    return bytesOnDisk;
  }

  /** Reads the file no further than the bytes the download has written. */
  private final class Tail extends InputStream {
    private final FileChannel channel;
    private long position;

    Tail(FileChannel channel) {
      this.channel = channel;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      if (length == 0) {
        return 0;
      }
      if (!awaitBeyond(position)) {
        return -1;
      }
      int wanted = (int) Math.min(length, bytesOnDisk() - position);
      int read = channel.read(ByteBuffer.wrap(buffer, offset, wanted), position);
      if (read <= 0) {
        throw new IOException(
            "the spool file " + file.getFileName() + " is shorter than the bytes received");
      }
      position += read;
      return read;
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }
}
