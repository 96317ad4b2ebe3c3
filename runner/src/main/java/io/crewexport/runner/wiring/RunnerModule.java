package io.crewexport.runner.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.MapBinder;
import io.crewexport.client.Sleeper;
import io.crewexport.spi.ReportSink;
import jakarta.inject.Named;
import java.time.Clock;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Wires the runner: the clock, the sleeper, and every sink whose Guice module is declared in a jar
 * on the class path through {@code META-INF/services/com.google.inject.Module}, ours and plugins'.
 */
public final class RunnerModule extends AbstractModule {
  private final ClassLoader plugins;
  private final Map<String, String> environment;
  private final Clock clock;
  private final Sleeper sleeper;

  /**
   * @param plugins the class loader to find sink modules in
   * @param environment the process environment, where credentials are read
   * @param clock the clock of periods and timestamps
   * @param sleeper how the run waits between polls and retries
   */
  public RunnerModule(
      ClassLoader plugins, Map<String, String> environment, Clock clock, Sleeper sleeper) {
    this.plugins = plugins;
    this.environment = Map.copyOf(environment);
    this.clock = clock;
    this.sleeper = sleeper;
  }

  @Override
  protected void configure() {
    MapBinder.newMapBinder(binder(), String.class, ReportSink.class);
    for (Module module : ServiceLoader.load(Module.class, plugins)) {
      install(module);
    }
  }

  @Provides
  @Named("environment")
  Map<String, String> environment() {
    return environment;
  }

  @Provides
  @Singleton
  Clock clock() {
    return clock;
  }

  @Provides
  @Singleton
  Sleeper sleeper() {
    return sleeper;
  }
}
