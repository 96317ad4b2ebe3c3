package io.crewexport.runner;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.crewexport.runner.cli.CrewexportCommand;
import io.crewexport.runner.cli.FailureHandler;
import io.crewexport.runner.wiring.GuiceFactory;
import io.crewexport.runner.wiring.RunnerModule;
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
    Injector injector = Guice.createInjector(new RunnerModule(Main.class.getClassLoader(), env));
    return new CommandLine(new CrewexportCommand(), new GuiceFactory(injector))
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setExecutionExceptionHandler(new FailureHandler())
        .execute(args);
  }
}
