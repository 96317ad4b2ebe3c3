package io.crewexport.spi.files;

import java.io.File;
import java.io.FileDescriptor;
import java.io.FileNotFoundException;
import java.io.FileOutputStream;
import java.io.IOException;

/**
 * A file being written whose data goes to the disk while it is written: each time another {@value
 * #SYNC_EVERY} bytes have arrived, a background thread syncs the file (one sync at a time). Without
 * it the kernel holds hundreds of megabytes of a fresh export in memory and the one {@code fsync}
 * before the commit writes them all while the export waits; with it that last sync finds little
 * left to write. RocksDB's {@code bytes_per_sync} does the same.
 *
 * <p>A background sync that fails is reported by the next {@link #sync}, never swallowed: after a
 * failed {@code fsync}, Linux may drop the dirty pages and report success to the next one.
 *
 * <p>Written by one thread, like any stream.
 */
final class EagerSyncFile extends FileOutputStream {
  static final long SYNC_EVERY = 32L << 20;

  /** Makes a file's written data durable; {@link FileDescriptor#sync} but in tests. */
  interface Syncer {
    void sync(FileDescriptor fd) throws IOException;
  }

  private final long syncEvery;
  private final Syncer syncer;
  private long unsynced;
  private Thread pending;
  // The first failed sync's error, set by the sync thread; the writer reads it after a join.
  private volatile IOException failed;

  EagerSyncFile(File file) throws FileNotFoundException {
    this(file, SYNC_EVERY, FileDescriptor::sync);
  }

  /** A file synced by {@code syncer} in the background after every {@code syncEvery} bytes. */
  EagerSyncFile(File file, long syncEvery, Syncer syncer) throws FileNotFoundException {
    super(file);
    this.syncEvery = syncEvery;
    this.syncer = syncer;
  }

  @Override
  public void write(int b) throws IOException {
    super.write(b);
    wrote(1);
  }

  // FileOutputStream's write(byte[]) does not go through write(byte[], int, int).
  @Override
  public void write(byte[] b) throws IOException {
    super.write(b);
    wrote(b.length);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    super.write(b, off, len);
    wrote(len);
  }

  /**
   * Makes everything written so far durable: waits for the background sync under way, then syncs.
   *
   * @throws IOException if this sync or an earlier background one failed
   */
  void sync() throws IOException {
    awaitPending();
    if (failed != null) {
      throw new IOException("an earlier sync of this file failed", failed);
    }
    syncer.sync(getFD());
  }

  /** Waits for the background sync under way, so that none runs on a closed descriptor. */
  @Override
  public void close() throws IOException {
    try {
      awaitPending();
    } finally {
      super.close();
    }
  }

  private void wrote(int bytes) {
    unsynced += bytes;
    if (unsynced >= syncEvery && (pending == null || !pending.isAlive())) {
      unsynced = 0;
      // A thread per sync rather than a pool: none outlives the file, and a sync is rare.
      pending = new Thread(this::syncNow, "crewexport-fsync");
      pending.setDaemon(true);
      pending.start();
    }
  }

  private void syncNow() {
    try {
      syncer.sync(getFD());
    } catch (IOException e) {
      if (failed == null) {
        failed = e;
      }
    }
  }

  private void awaitPending() {
    if (pending == null) {
      return;
    }
    boolean interrupted = false;
    while (pending.isAlive()) {
      try {
        pending.join();
      } catch (InterruptedException e) {
        // The sync uses the descriptor: it must end before anyone closes it.
        interrupted = true;
      }
    }
    pending = null;
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
