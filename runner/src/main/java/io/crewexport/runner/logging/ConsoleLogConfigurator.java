package io.crewexport.runner.logging;

import ch.qos.logback.classic.ClassicConstants;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.spi.ScanException;
import ch.qos.logback.core.util.Loader;
import ch.qos.logback.core.util.OptionHelper;
import java.util.Map;

/**
 * crewexport's logging when nobody configured logback: log lines on stderr (stdout carries only the
 * results table), {@code io.crewexport} at {@code CREWEXPORT_LOG_LEVEL} (default INFO), the
 * libraries' chatter at WARN or above. It is what {@code docs/logback.xml} says, set up in code:
 * logback's XML configuration loads an XML parser and some 500 classes, about a tenth of a CPU
 * second at every start.
 *
 * <p>logback finds this class through {@code META-INF/services} and asks it before its own
 * configuration search. It steps aside, and logback configures itself as usual, when a
 * configuration is given: the system property {@code logback.configurationFile}, or a {@code
 * logback-test.xml} or {@code logback.xml} on the class path (a user's own, or a test's). Those are
 * two class path look-ups, a few microseconds.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_LOW_PRIORITY)
public final class ConsoleLogConfigurator extends ContextAwareBase implements Configurator {
  /** The layout of every line: {@code 23:59:58.123 INFO message}. */
  static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %msg%n";

  /** The level of {@code io.crewexport}, read as logback reads a variable in its XML files. */
  static final String PROJECT_LEVEL = "${CREWEXPORT_LOG_LEVEL:-INFO}";

  /** Loggers of libraries, quieter than the root's WARN or as quiet. */
  static final Map<String, Level> LIBRARY_LEVELS =
      Map.of(
          "org.apache.hadoop", Level.ERROR,
          "org.apache.parquet", Level.WARN,
          "org.eclipse.jetty", Level.WARN);

  /** Where logback looks for its configuration files: the class loader that loaded logback. */
  private final ClassLoader classPath;

  /** Called by logback's {@code ServiceLoader}. */
  public ConsoleLogConfigurator() {
    this(Loader.systemClassloaderIfNull(Configurator.class.getClassLoader()));
  }

  ConsoleLogConfigurator(ClassLoader classPath) {
    this.classPath = classPath;
  }

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (configurationGiven()) {
      addInfo("A logback configuration is given; crewexport's console logging steps aside.");
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.WARN);
    root.addAppender(stderrAppender(context));
    LIBRARY_LEVELS.forEach((name, level) -> context.getLogger(name).setLevel(level));
    context.getLogger("io.crewexport").setLevel(projectLevel(context));
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  /** Whether logback would find a configuration file of its own. */
  private boolean configurationGiven() {
    return System.getProperty(ClassicConstants.CONFIG_FILE_PROPERTY) != null
        || classPath.getResource(ClassicConstants.TEST_AUTOCONFIG_FILE) != null
        || classPath.getResource(ClassicConstants.AUTOCONFIG_FILE) != null;
  }

  private static ConsoleAppender<ILoggingEvent> stderrAppender(LoggerContext context) {
    ConsoleLineLayout layout = new ConsoleLineLayout();
    layout.setContext(context);
    layout.setPattern(PATTERN);
    layout.start();
    LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
    encoder.setContext(context);
    encoder.setLayout(layout);
    encoder.start();

    ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
    appender.setContext(context);
    appender.setName("STDERR");
    appender.setTarget("System.err");
    appender.setEncoder(encoder);
    appender.start();
    return appender;
  }

  /**
   * The level of {@code io.crewexport}, null to inherit the root's. An empty value, {@code
   * INHERITED} or {@code NULL} inherit, any other unknown name is DEBUG: what logback's XML
   * configuration did with the same variable, so the system property of that name works too.
   */
  Level projectLevel(LoggerContext context) {
    String value = substitute(PROJECT_LEVEL, context);
    if (OptionHelper.isNullOrEmptyOrAllSpaces(value)
        || value.equalsIgnoreCase("INHERITED")
        || value.equalsIgnoreCase("NULL")) {
      return null;
    }
    return Level.toLevel(value);
  }

  /** The expression with its variables replaced; as logback's XML did, itself if that fails. */
  private String substitute(String expression, LoggerContext context) {
    try {
      return OptionHelper.substVars(expression, context);
    } catch (ScanException e) {
      addError("Cannot read the variables in " + expression, e);
      return expression;
    }
  }
}
