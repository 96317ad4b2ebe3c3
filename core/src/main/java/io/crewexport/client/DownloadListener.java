package io.crewexport.client;

import java.nio.charset.Charset;
import java.nio.file.Path;

/**
 * Told how a download goes while it streams, so a caller can show progress or start reading a CSV
 * body before its last byte arrives.
 */
@FunctionalInterface
public interface DownloadListener {

  /** The bytes of the current body received so far; called after they are written to its file. */
  void received(long bytes);

  /**
   * A CSV body in {@code charset} starts streaming into {@code file}. It becomes the report if the
   * download ends well with this file; a retry starts another body in another file, and this one is
   * deleted.
   */
  default void csvBodyStarted(Path file, Charset charset) {}

  /**
   * The CSV body streaming into {@code file} ended: {@code complete} if it is the whole report,
   * {@code bytes} long; else it was cut off or refused, and the file is deleted.
   */
  default void csvBodyEnded(Path file, boolean complete, long bytes) {}
}
