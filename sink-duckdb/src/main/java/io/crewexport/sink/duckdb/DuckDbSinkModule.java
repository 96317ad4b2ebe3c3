package io.crewexport.sink.duckdb;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import io.crewexport.spi.ReportSink;

/**
 * Adds the DuckDB sink, under the name {@code duckdb}, to the map of sinks by name.
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(new DuckDbSinkModule());
 * }</pre>
 *
 * <p>Listed in {@code META-INF/services/com.google.inject.Module}, so a {@link
 * java.util.ServiceLoader} finds it on the class path.
 */
public final class DuckDbSinkModule extends AbstractModule {
  @Override
  protected void configure() {
    MapBinder.newMapBinder(binder(), String.class, ReportSink.class)
        .addBinding("duckdb")
        .to(DuckDbSink.class);
  }
}
