package io.crewexport.runner.batch;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import io.crewexport.schema.ReportSchema;
import io.crewexport.spi.ExportTarget;
import io.crewexport.spi.ReportSink;
import io.crewexport.spi.SinkWriter;
import io.crewexport.testing.InMemorySink;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * A test-only sink, {@code crashing}, found like a plugin through META-INF/services: it keeps
 * exports in memory and, when armed, throws an {@link Error} on the n-th export it opens: by
 * default an {@link AssertionError}, which kills the run as a crash would.
 */
public final class CrashingSinkModule extends AbstractModule {
  /** Opens left before the crash; negative when disarmed. */
  public static final AtomicInteger OPENS_BEFORE_CRASH = new AtomicInteger(-1);

  /** The error thrown, from its message. */
  public static final AtomicReference<Function<String, Error>> CRASH =
      new AtomicReference<>(AssertionError::new);

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
        throw CRASH.get().apply("simulated crash while opening " + target.describe());
      }
      return delegate.open(schema, target);
    }
  }
}
