package io.crewexport.runner.batch;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import io.crewexport.schema.ReportSchema;
import io.crewexport.spi.ExportTarget;
import io.crewexport.spi.ReportSink;
import io.crewexport.spi.SinkWriter;
import io.crewexport.testing.InMemorySink;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test-only sink, {@code crashing}, found like a plugin through META-INF/services: it keeps
 * exports in memory and, when armed, kills the run (an {@link Error}, as a crash would) on the n-th
 * export it opens.
 */
public final class CrashingSinkModule extends AbstractModule {
  /** Opens left before the crash; negative when disarmed. */
  public static final AtomicInteger OPENS_BEFORE_CRASH = new AtomicInteger(-1);

  @Override
  protected void configure() {
    MapBinder.newMapBinder(binder(), String.class, ReportSink.class)
        .addBinding("crashing")
        .toInstance(new CrashingSink());
  }

  private static final class CrashingSink implements ReportSink {
    private final InMemorySink delegate = new InMemorySink();

    @Override
    public String name() {
      return "crashing";
    }

    @Override
    public SinkWriter open(ReportSchema schema, ExportTarget target) {
      if (OPENS_BEFORE_CRASH.getAndDecrement() == 0) {
        throw new AssertionError("simulated crash while opening " + target.describe());
      }
      return delegate.open(schema, target);
    }
  }
}
