package io.crewexport.runner.state;

import io.crewexport.CrewexportException;
import io.crewexport.ErrorCode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * Keeps two runs from writing the same outputs and state at once: an OS file lock on {@code
 * <state>/lock}, released when the process ends, even by {@code kill -9}. The file says who holds
 * it, so the second run can tell the user.
 */
public final class RunLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private RunLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock in {@code folder}.
   *
   * @throws CrewexportException naming the holder if another run has it
   */
  public static RunLock acquire(Path folder, String runId) {
    Path file = folder.resolve("lock");
    try {
      Files.createDirectories(folder);
      FileChannel channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
      FileLock lock = tryLock(channel);
      if (lock == null) {
        String holder = Files.readString(file, StandardCharsets.UTF_8).strip();
        channel.close();
        throw new CrewexportException(
            ErrorCode.CONFIGURATION,
            "Another crewexport run holds "
                + file
                + " ("
                + holder
                + "). Wait for it to finish;"
                + " the lock goes away by itself when that process ends.");
      }
      String me =
          "run " + runId + ", pid " + ProcessHandle.current().pid() + ", started " + Instant.now();
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(me.getBytes(StandardCharsets.UTF_8)), 0);
      channel.force(false);
      return new RunLock(channel, lock);
    } catch (IOException e) {
      throw new CrewexportException(
          ErrorCode.CONFIGURATION, "Cannot take the run lock " + file + ": " + e.getMessage(), e);
    }
  }

  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (java.nio.channels.OverlappingFileLockException e) {
      // Held by this same JVM: another run in this process.
      return null;
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      // The OS drops the lock when the process ends anyway.
    }
  }
}
