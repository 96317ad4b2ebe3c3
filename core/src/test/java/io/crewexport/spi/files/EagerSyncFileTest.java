package io.crewexport.spi.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class EagerSyncFileTest {
  @TempDir Path folder;

  @Test
  void syncsInTheBackgroundOnceEnoughHasBeenWritten() throws Exception {
    AtomicInteger syncs = new AtomicInteger();
    CountDownLatch synced = new CountDownLatch(1);
    Path path = folder.resolve("part-1.csv");
    try (EagerSyncFile file =
        new EagerSyncFile(
            path.toFile(),
            10,
            fd -> {
              syncs.incrementAndGet();
              fd.sync();
              synced.countDown();
            })) {
      file.write(new byte[9]);
      assertThat(syncs).hasValue(0);

      file.write(1);
      assertThat(synced.await(10, TimeUnit.SECONDS)).isTrue();

      file.write(new byte[5]);
      file.sync();
      assertThat(syncs).hasValue(2);
    }
    assertThat(Files.size(path)).isEqualTo(15);
  }

  @Test
  void closeWaitsForTheSyncUnderWaySoNoThreadOutlivesTheFile() throws Exception {
    AtomicBoolean finished = new AtomicBoolean();
    EagerSyncFile file =
        new EagerSyncFile(
            folder.resolve("part-1.csv").toFile(),
            1,
            fd -> {
              for (int i = 0; i < 1_000_000; i++) {
                Thread.onSpinWait();
              }
              finished.set(true);
            });
    file.write(1);

    file.close();

    assertThat(finished).isTrue();
    assertThat(Thread.getAllStackTraces().keySet())
        .noneMatch(thread -> thread.getName().equals("crewexport-fsync"));
  }

  @Test
  void aFailedBackgroundSyncFailsTheNextSyncAndEveryOneAfter() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    try (EagerSyncFile file =
        new EagerSyncFile(
            folder.resolve("part-1.csv").toFile(),
            4,
            fd -> {
              if (calls.incrementAndGet() == 1) {
                throw new IOException("disk gone");
              }
            })) {
      file.write(new byte[4]);

      assertThatThrownBy(file::sync)
          .isInstanceOf(IOException.class)
          .hasMessage("an earlier sync of this file failed")
          .rootCause()
          .hasMessage("disk gone");
      assertThatThrownBy(file::sync).hasMessage("an earlier sync of this file failed");
    }
  }

  @Test
  void keepsTheFailureOfABackgroundSyncThatAnotherFollowed() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    CountDownLatch secondDone = new CountDownLatch(1);
    try (EagerSyncFile file =
        new EagerSyncFile(
            folder.resolve("part-1.csv").toFile(),
            4,
            fd -> {
              int call = calls.incrementAndGet();
              if (call == 2) {
                secondDone.countDown();
              }
              if (call == 1) {
                throw new IOException("disk gone");
              }
            })) {
      file.write(new byte[4]);
      // Writes until the first sync has failed and a later write has started a second one.
      for (long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
          calls.get() < 2 && System.nanoTime() < end; ) {
        file.write(new byte[4], 0, 4);
        Thread.yield();
      }
      assertThat(secondDone.await(10, TimeUnit.SECONDS)).isTrue();

      assertThatThrownBy(file::sync).rootCause().hasMessage("disk gone");
    }
  }
}
