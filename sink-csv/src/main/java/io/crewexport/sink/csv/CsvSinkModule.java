package io.crewexport.sink.csv;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import io.crewexport.spi.ReportSink;

/**
 * Adds the {@code csv} sink to the map of sinks by name. Listed in {@code
 * META-INF/services/com.google.inject.Module}, so a runner can find it with {@link
 * java.util.ServiceLoader}.
 */
public final class CsvSinkModule extends AbstractModule {

  @Override
  protected void configure() {
    MapBinder.newMapBinder(binder(), String.class, ReportSink.class)
        .addBinding(CsvSink.NAME)
        .to(CsvSink.class);
  }
}
