package io.crewexport.runner.faults;

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
 * A plugin sink, {@code faulty}, that the fault tests package into a plugin jar at run time: it
 * keeps nothing, and fails as told. Options: {@code faulty.fail-at-row} (a buggy sink throwing at
 * row N), {@code faulty.fail-at-commit} ({@code true}: refusing to commit). Environment: {@code
 * FAULTY_PAUSE_AT_ROW} and {@code FAULTY_PAUSE_MARKER}: at that row, create the marker file and
 * hang, so a test can kill the process while every sink is writing.
 */
public final class FaultySinkModule extends AbstractModule {
  @Override
  protected void configure() {
    MapBinder.newMapBinder(binder(), String.class, ReportSink.class)
        .addBinding("faulty")
        .to(FaultySink.class);
  }

  /** The sink. */
  public static final class FaultySink implements ReportSink {
    @Override
    public String name() {
      return "faulty";
    }

    @Override
    public SinkWriter open(ReportSchema schema, ExportTarget target) {
      long failAt = Long.parseLong(target.option("faulty.fail-at-row").orElse("-1"));
      boolean failCommit = Boolean.parseBoolean(target.option("faulty.fail-at-commit").orElse(""));
      long pauseAt = Long.parseLong(System.getenv().getOrDefault("FAULTY_PAUSE_AT_ROW", "-1"));
      return new AbstractSinkWriter() {
        @Override
        protected void append(Row row) {
          long n = rowsWritten() + 1;
          if (n == failAt) {
            throw new IllegalStateException("injected failure at row " + n);
          }
          if (n == pauseAt) {
            hang(Path.of(System.getenv("FAULTY_PAUSE_MARKER")));
          }
        }

        @Override
        protected SinkResult publish(long rows) {
          if (failCommit) {
            throw new IllegalStateException("injected failure at commit");
          }
          return new SinkResult(rows, "nowhere", List.of(), "-- nothing to query");
        }

        @Override
        protected void discard() {}
      };
    }

    private static void hang(Path marker) {
      try {
        Files.writeString(marker, "writing");
        Thread.sleep(120_000);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
