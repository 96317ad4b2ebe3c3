package io.crewexport.runner.wiring;

import com.google.inject.ConfigurationException;
import com.google.inject.Injector;
import picocli.CommandLine;

/** Lets picocli create commands through Guice, so commands get their collaborators injected. */
public final class GuiceFactory implements CommandLine.IFactory {
  private final Injector injector;

  public GuiceFactory(Injector injector) {
    this.injector = injector;
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    try {
      return injector.getInstance(type);
    } catch (ConfigurationException e) {
      // picocli also asks for its own helper types (converters, providers) that Guice cannot make.
      return CommandLine.defaultFactory().create(type);
    }
  }
}
