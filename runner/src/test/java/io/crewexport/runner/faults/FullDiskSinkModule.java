package io.crewexport.runner.faults;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import io.crewexport.schema.ReportSchema;
import io.crewexport.spi.AbstractSinkWriter;
import io.crewexport.spi.ExportTarget;
import io.crewexport.spi.ReportSink;
import io.crewexport.spi.Row;
import io.crewexport.spi.SinkResult;
import io.crewexport.spi.SinkWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A plugin sink, {@code full-disk}, that makes the disk full for the sink listed before it in an
 * export ({@code sinks: [csv, full-disk]}), with no mount and no root: from its open to its commit
 * or abort, no file of this process may grow by a single byte. It sets the process's soft
 * RLIMIT_FSIZE to 0 with util-linux's {@code prlimit}, then back to what it was. HotSpot ignores
 * SIGXFSZ, so a write past the limit fails with EFBIG, "File too large", in Java and in DuckDB's
 * native code alike, through each sink's real code; renames and deletes still work, as on a full
 * disk.
 *
 * <p>An export opens its sinks in order, writes each row to each, then commits them in order, so a
 * sink listed last holds the limit over the other sinks' rows and commit, and over nothing else:
 * not the download, spooled to a file as big as the CSV sink's, before, nor the state and manifest
 * after. As in the tmpfs variant only the output is full, so the sink first loads the native
 * libraries that snappy-java and DuckDB unpack into {@code java.io.tmpdir} on first use. The limit
 * covers the whole process: run such exports one at a time ({@code --parallel 1}), and read the
 * process's output through pipes, which it does not cover.
 */
public final class FullDiskSinkModule extends AbstractModule {
  /** The sinks a name of their own is bound for: {@code full-disk-csv} follows {@code csv}. */
  static final List<String> FOLLOWED = List.of("parquet", "duckdb", "csv");

  @Override
  protected void configure() {
    MapBinder<String, ReportSink> sinks =
        MapBinder.newMapBinder(binder(), String.class, ReportSink.class);
    sinks.addBinding(FullDiskSink.NAME).to(FullDiskSink.class);
    // The runner refuses two exports of one report and period that share a sink, so each export
    // of DiskFullIT follows its sink with a full-disk sink of its own name.
    for (String followed : FOLLOWED) {
      sinks.addBinding(FullDiskSink.NAME + "-" + followed).to(FullDiskSink.class);
    }
  }

  /** The sink. */
  public static final class FullDiskSink implements ReportSink {
    static final String NAME = "full-disk";
    private static final List<String> NATIVE_LIBRARIES =
        List.of("org.xerial.snappy.Snappy", "org.duckdb.DuckDBNative");

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public SinkWriter open(ReportSchema schema, ExportTarget target) {
      loadNativeLibraries();
      String before = softFileSizeLimit();
      setSoftFileSizeLimit("0");
      return new AbstractSinkWriter() {
        @Override
        protected void append(Row row) {}

        @Override
        protected SinkResult publish(long rows) {
          setSoftFileSizeLimit(before);
          return new SinkResult(rows, "nowhere", List.of(), "-- nothing to query");
        }

        @Override
        protected void discard() {
          setSoftFileSizeLimit(before);
        }
      };
    }

    private static void loadNativeLibraries() {
      try {
        for (String className : NATIVE_LIBRARIES) {
          // Initializing the class loads its library.
          Class.forName(className, true, FullDiskSink.class.getClassLoader());
        }
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException("not in crewexport.jar: " + e.getMessage(), e);
      }
    }

    /** The soft limit now: a number of bytes or {@code unlimited}. */
    private static String softFileSizeLimit() {
      try {
        String line =
            Files.readAllLines(Path.of("/proc/self/limits")).stream()
                .filter(l -> l.startsWith("Max file size"))
                .findFirst()
                .orElseThrow();
        return line.substring("Max file size".length()).strip().split("\\s+")[0];
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private static void setSoftFileSizeLimit(String soft) {
      String pid = Long.toString(ProcessHandle.current().pid());
      try {
        Process prlimit =
            new ProcessBuilder("prlimit", "--pid", pid, "--fsize=" + soft + ":")
                .redirectErrorStream(true)
                .start();
        String output = new String(prlimit.getInputStream().readAllBytes(), UTF_8);
        if (prlimit.waitFor() != 0) {
          throw new IllegalStateException("prlimit --fsize=" + soft + ": failed: " + output);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot run prlimit (util-linux): " + e.getMessage(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while running prlimit", e);
      }
    }
  }
}
