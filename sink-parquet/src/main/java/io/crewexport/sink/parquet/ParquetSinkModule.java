package io.crewexport.sink.parquet;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import io.crewexport.spi.ReportSink;

/**
 * Adds the {@code parquet} sink to the map of sinks by name. Listed in {@code
 * META-INF/services/com.google.inject.Module}, so a runner can find it with {@link
 * java.util.ServiceLoader}.
 */
public final class ParquetSinkModule extends AbstractModule {

  @Override
  protected void configure() {
    MapBinder.newMapBinder(binder(), String.class, ReportSink.class)
        .addBinding(ParquetSink.NAME)
        .to(ParquetSink.class);
  }
}
