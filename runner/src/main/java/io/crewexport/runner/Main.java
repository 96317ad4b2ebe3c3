package io.crewexport.runner;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.crewexport.CrewexportException;
import io.crewexport.client.Sleeper;
import io.crewexport.runner.cli.CrewexportCommand;
import io.crewexport.runner.cli.FailureHandler;
import io.crewexport.runner.cli.PluginsOption;
import io.crewexport.runner.cli.UsageErrorHandler;
import io.crewexport.runner.wiring.GuiceFactory;
import io.crewexport.runner.wiring.PluginLoader;
import io.crewexport.runner.wiring.RunnerModule;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine;

/** The {@code crewexport} entry point. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(System.getenv(), args));
  }

  /** Runs the command line with {@code env} as the environment; returns the exit code. */
  public static int run(Map<String, String> env, String... args) {
    return run(env, Clock.systemUTC(), args);
  }

  /** As above, on {@code clock}: relative periods and timestamps follow it. */
  public static int run(Map<String, String> env, Clock clock, String... args) {
    return run(env, clock, Sleeper.SYSTEM, args);
  }

  /** As above, waiting through {@code sleeper}: tests step through the vendor's clocks. */
  public static int run(Map<String, String> env, Clock clock, Sleeper sleeper, String... args) {
    FailureHandler failures = new FailureHandler();
    Injector injector;
    try {
      ClassLoader plugins =
          PluginLoader.load(
              PluginLoader.folderIn(args, PluginsOption.NAME), Main.class.getClassLoader());
      // Hadoop finds file systems (s3a:// from a plugin jar) through the context class loader,
      // which the export threads inherit.
      Thread.currentThread().setContextClassLoader(plugins);
      injector = Guice.createInjector(new RunnerModule(plugins, env, clock, sleeper));
    } catch (CrewexportException e) {
      return failures.exitCode(e);
    }
    return new CommandLine(new CrewexportCommand(), new GuiceFactory(injector))
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setExecutionExceptionHandler(failures)
        .setParameterExceptionHandler(new UsageErrorHandler())
        .execute(args);
  }
}
