package io.crewexport.runner.progress;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Redraws the running exports twice a second on a terminal, as one status line at the bottom of
 * stderr. Log lines clear it before they print, and it comes back under them. Off when the process
 * has no terminal: log files get the INFO lines only.
 */
public final class ProgressDisplay implements AutoCloseable {
  private static final byte[] CLEAR_LINE = "\r\u001b[2K".getBytes(UTF_8);
  private static final int WIDTH = 160;

  private final ProgressBoard board;
  private final PrintStream original;
  private final ScheduledExecutorService timer;
  private boolean statusShown;

  private ProgressDisplay(ProgressBoard board, PrintStream original) {
    this.board = board;
    this.original = original;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "crewexport-progress");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Starts a display of {@code board} if this process runs on a terminal; else does nothing. */
  public static ProgressDisplay startIfTerminal(ProgressBoard board) {
    ProgressDisplay display = new ProgressDisplay(board, System.err);
    if (System.console() != null) {
      System.setErr(new PrintStream(display.new ClearingStream(), true, UTF_8));
      display.timer.scheduleAtFixedRate(display::draw, 500, 500, TimeUnit.MILLISECONDS);
    }
    return display;
  }

  /** The status line for {@code lines}, cut to the terminal's width. */
  static String statusLine(List<String> lines) {
    String text = "[" + lines.size() + " running] " + String.join(" | ", lines);
    return text.length() > WIDTH ? text.substring(0, WIDTH - 3) + "..." : text;
  }

  private synchronized void draw() {
    List<String> lines = board.lines();
    original.write(CLEAR_LINE, 0, CLEAR_LINE.length);
    if (!lines.isEmpty()) {
      byte[] status = statusLine(lines).getBytes(UTF_8);
      original.write(status, 0, status.length);
    }
    original.flush();
    statusShown = !lines.isEmpty();
  }

  private synchronized void clearStatus() {
    if (statusShown) {
      original.write(CLEAR_LINE, 0, CLEAR_LINE.length);
      statusShown = false;
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
    if (System.err != original) {
      clearStatus();
      original.flush();
      System.setErr(original);
    }
  }

  /** stderr while the display runs: whatever else prints there clears the status line first. */
  private final class ClearingStream extends OutputStream {
    @Override
    public void write(int b) {
      synchronized (ProgressDisplay.this) {
        clearStatus();
        original.write(b);
      }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      synchronized (ProgressDisplay.this) {
        clearStatus();
        original.write(bytes, offset, length);
      }
    }

    @Override
    public void flush() throws IOException {
      original.flush();
    }
  }
}
