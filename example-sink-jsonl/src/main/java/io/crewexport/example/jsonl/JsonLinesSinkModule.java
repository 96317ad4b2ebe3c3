package io.crewexport.example.jsonl;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import io.crewexport.spi.ReportSink;

/**
 * Makes the sink known to crewexport as {@code jsonl}. crewexport finds this module through {@code
 * META-INF/services/com.google.inject.Module} in the plugin jar.
 */
public final class JsonLinesSinkModule extends AbstractModule {
  @Override
  protected void configure() {
    MapBinder.newMapBinder(binder(), String.class, ReportSink.class)
        .addBinding("jsonl")
        .to(JsonLinesSink.class);
  }
}
