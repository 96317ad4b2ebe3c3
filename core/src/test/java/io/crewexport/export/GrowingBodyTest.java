package io.crewexport.export;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A body read while it downloads: bytes as they land, its end, and a body cut off. */
final class GrowingBodyTest {
  @TempDir Path folder;

  @Test
  void readsTheBytesWrittenSoFarThenWaitsForMoreAndEndsWhereTheBodyEnds() throws Exception {
    Path file = folder.resolve("body.spool");
    GrowingBody body = started(file, "a,b\n");

    try (InputStream in = body.open()) {
      byte[] first = new byte[100];
      assertThat(in.read(first)).isEqualTo(4);
      CompletableFuture<byte[]> rest = new CompletableFuture<>();
      Thread reader = new Thread(() -> rest.complete(readAll(in)), "test-reader");
      reader.start();
      // The reader waits on the body (no fixed sleep: its thread state says so).
      while (reader.isAlive() && reader.getState() != Thread.State.WAITING) {
        Thread.onSpinWait();
      }
      assertThat(rest).isNotDone();

      append(file, "1,2\n");
      body.received(8);
      body.csvBodyEnded(file, true, 8);

      assertThat(new String(rest.get(10, TimeUnit.SECONDS), UTF_8)).isEqualTo("1,2\n");
    }
  }

  @Test
  void aBodyCutOffFailsTheReaderInsteadOfEndingIt() throws Exception {
    Path file = folder.resolve("body.spool");
    GrowingBody body = started(file, "a,b\n1,");
    body.csvBodyEnded(file, false, -1);

    try (InputStream in = body.open()) {
      // Even the bytes that did land belong to a body that is no longer the report.
      assertThatThrownBy(in::read).isInstanceOf(GrowingBody.BodyGoneException.class);
    }
  }

  @Test
  void onlyTheFirstCsvBodyIsFollowedAndADownloadEndingMidBodyCutsItOff() throws Exception {
    Path first = Files.createFile(folder.resolve("first.spool"));
    Path second = Files.createFile(folder.resolve("second.spool"));
    GrowingBody body = new GrowingBody(bytes -> {});
    body.csvBodyStarted(first, UTF_8);
    body.csvBodyStarted(second, UTF_8);
    body.downloadEnded();

    assertThat(body.awaitFile()).contains(first);
    try (InputStream in = body.open()) {
      assertThatThrownBy(in::read).isInstanceOf(GrowingBody.BodyGoneException.class);
    }
  }

  /** A body whose download started into a new {@code file} and has written {@code text}. */
  private static GrowingBody started(Path file, String text) throws Exception {
    Files.createFile(file);
    GrowingBody body = new GrowingBody(bytes -> {});
    body.csvBodyStarted(file, UTF_8);
    append(file, text);
    body.received(text.getBytes(UTF_8).length);
    return body;
  }

  private static void append(Path file, String text) throws Exception {
    Files.writeString(file, text, UTF_8, StandardOpenOption.APPEND);
  }

  private static byte[] readAll(InputStream in) {
    try {
      return in.readAllBytes();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
