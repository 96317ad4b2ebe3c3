package io.crewexport.runner.progress;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the running exports are doing, updated by the exports and read by a display. Thread safe.
 */
public final class ProgressBoard {
  private final Map<String, Entry> running = new ConcurrentHashMap<>();
  private final AtomicLong order = new AtomicLong();

  /** One running export's counters. */
  public static final class Entry {
    private final String name;
    private final long startedNanos = System.nanoTime();
    private final long position;
    private volatile long bytes;
    private volatile long rows;

    private Entry(String name, long position) {
      this.name = name;
      this.position = position;
    }

    /** Bytes of the body received so far. */
    public void downloaded(long total) {
      bytes = total;
    }

    /** Rows written so far. */
    public void written(long total) {
      rows = total;
    }

    /** One short line: the export, what it is doing, and for how long. */
    String describe() {
      long seconds = (System.nanoTime() - startedNanos) / 1_000_000_000L;
      String doing;
      if (rows > 0) {
        doing = String.format(Locale.ROOT, "%,d rows written", rows);
      } else if (bytes > 0) {
        doing =
            bytes < 1_000_000
                ? String.format(Locale.ROOT, "%,d bytes received", bytes)
                : String.format(Locale.ROOT, "%.1f MB received", bytes / 1e6);
      } else {
        doing = "waiting for Crewmojo";
      }
      return name + ": " + doing + ", " + seconds + " s";
    }
  }

  /** Registers a running export; remove it with {@link #finish}. */
  public Entry start(String name) {
    Entry entry = new Entry(name, order.incrementAndGet());
    running.put(name + "#" + entry.position, entry);
    return entry;
  }

  /** Removes a finished export. */
  public void finish(Entry entry) {
    running.remove(entry.name + "#" + entry.position);
  }

  /** A line per running export, oldest first. */
  public List<String> lines() {
    return running.values().stream()
        .sorted((a, b) -> Long.compare(a.position, b.position))
        .map(Entry::describe)
        .toList();
  }
}
