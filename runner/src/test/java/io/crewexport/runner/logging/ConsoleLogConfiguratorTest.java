package io.crewexport.runner.logging;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import io.crewexport.client.Secret;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class ConsoleLogConfiguratorTest {
  /** What crewexport.jar configured from its logback.xml before it did so in code. */
  private static final Path DOCUMENTED = Path.of("../docs/logback.xml");

  private static final List<String> LOGGERS =
      List.of(
          Logger.ROOT_LOGGER_NAME,
          "io.crewexport",
          "io.crewexport.client.CrewmojoClient",
          "org.apache.hadoop",
          "org.apache.hadoop.fs.FileSystem",
          "org.apache.parquet",
          "org.apache.parquet.hadoop.InternalParquetRecordWriter",
          "org.eclipse.jetty.server.Server",
          "org.duckdb");

  /**
   * A class path without logback files: the build's own may hold core's logback-test.xml (a reactor
   * build up to {@code test} puts core's test classes there), and then the configurator rightly
   * steps aside.
   */
  private static final ClassLoader WITHOUT_LOGBACK_FILES = new ClassLoader(null) {};

  @TempDir Path folder;

  @AfterEach
  void forgetProperties() {
    System.clearProperty("CREWEXPORT_LOG_LEVEL");
    System.clearProperty("logback.configurationFile");
  }

  @ParameterizedTest
  @ValueSource(strings = {"DEBUG", "trace", "Info", "", "  ", "INHERITED", "null", "loud"})
  void setsEachLoggerToTheLevelTheDocumentedXmlSets(String level) throws Exception {
    System.setProperty("CREWEXPORT_LOG_LEVEL", level);

    assertThat(levels(configuredInCode())).isEqualTo(levels(configuredByXml()));
  }

  @Test
  void logsCrewexportAtTheLevelAskedAndLibrariesAtWarnOrAbove() {
    System.setProperty("CREWEXPORT_LOG_LEVEL", "DEBUG");

    LoggerContext context = configuredInCode();

    assertThat(context.getLogger("io.crewexport.export").getEffectiveLevel())
        .isEqualTo(Level.DEBUG);
    assertThat(context.getLogger("org.apache.hadoop.fs").getEffectiveLevel())
        .isEqualTo(Level.ERROR);
    assertThat(context.getLogger("org.apache.parquet").getEffectiveLevel()).isEqualTo(Level.WARN);
    assertThat(context.getLogger("org.duckdb").getEffectiveLevel()).isEqualTo(Level.WARN);
  }

  @Test
  void writesToStderrExactlyTheLinesTheDocumentedXmlWrites() throws Exception {
    ConsoleAppender<ILoggingEvent> inCode = console(configuredInCode());
    ConsoleAppender<ILoggingEvent> byXml = console(configuredByXml());

    assertThat(inCode.getName()).isEqualTo(byXml.getName()).isEqualTo("STDERR");
    assertThat(inCode.getTarget()).isEqualTo(byXml.getTarget()).isEqualTo("System.err");
    for (ILoggingEvent event : events()) {
      assertThat(line(inCode, event)).isEqualTo(line(byXml, event));
    }
    assertThat(line(inCode, events().get(0)))
        .matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  Exported 3 rows of oneonone\\.summary\\R");
  }

  @Test
  void masksEverySecretTheProcessHoldsInALineAndItsException() throws Exception {
    Secret.of("layout-secret-5150");
    ConsoleAppender<ILoggingEvent> inCode = console(configuredInCode());
    Logger logger = new LoggerContext().getLogger("io.crewexport.client");
    LoggingEvent event =
        event(
            logger,
            Level.ERROR,
            "Server quoted {}",
            new IllegalArgumentException("header value: Bearer layout-secret-5150\r\n"),
            "layout-secret-5150");

    String line = line(inCode, event);

    assertThat(line)
        .doesNotContain("layout-secret-5150")
        .contains("Server quoted ****")
        .contains("header value: Bearer ****");
    assertThat(line(console(configuredByXml()), event)).isEqualTo(line);
  }

  @Test
  void isFoundByLogbackThroughItsServiceFile() {
    List<Class<?>> found = new ArrayList<>();
    ServiceLoader.load(Configurator.class)
        .forEach(configurator -> found.add(configurator.getClass()));

    assertThat(found).containsExactly(ConsoleLogConfigurator.class);
  }

  @Test
  void stepsAsideWhenLogbackIsGivenAConfigurationFile() throws Exception {
    Path given = folder.resolve("my-logback.xml");
    Files.writeString(given, userConfiguration());
    System.setProperty("logback.configurationFile", given.toString());

    LoggerContext context = new LoggerContext();
    new ContextInitializer(context).autoConfig();

    assertThat(theOnlyAppender(context).getName()).isEqualTo("MINE");
    assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.TRACE);
    assertThat(context.getLogger("org.apache.hadoop").getLevel()).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"logback.xml", "logback-test.xml"})
  void stepsAsideWhenTheClassPathHoldsALogbackFile(String name) throws Exception {
    Files.writeString(folder.resolve(name), userConfiguration());
    LoggerContext context = new LoggerContext();

    ExecutionStatus status;
    try (URLClassLoader classPath =
        new URLClassLoader(new URL[] {folder.toUri().toURL()}, getClass().getClassLoader())) {
      ConsoleLogConfigurator configurator = new ConsoleLogConfigurator(classPath);
      configurator.setContext(context);
      status = configurator.configure(context);
    }

    assertThat(status).isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
    assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders()).isExhausted();
    assertThat(context.getLogger("io.crewexport").getLevel()).isNull();
  }

  private static LoggerContext configuredInCode() {
    LoggerContext context = new LoggerContext();
    ConsoleLogConfigurator configurator = new ConsoleLogConfigurator(WITHOUT_LOGBACK_FILES);
    configurator.setContext(context);
    assertThat(configurator.configure(context))
        .isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
    return context;
  }

  private static LoggerContext configuredByXml() throws Exception {
    LoggerContext context = new LoggerContext();
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(DOCUMENTED.toFile());
    return context;
  }

  /** Each logger's own level and the level it logs at. */
  private static Map<String, String> levels(LoggerContext context) {
    Map<String, String> levels = new LinkedHashMap<>();
    for (String name : LOGGERS) {
      Logger logger = context.getLogger(name);
      levels.put(name, logger.getLevel() + " / " + logger.getEffectiveLevel());
    }
    return levels;
  }

  private static Appender<ILoggingEvent> theOnlyAppender(LoggerContext context) {
    List<Appender<ILoggingEvent>> appenders = new ArrayList<>();
    context
        .getLogger(Logger.ROOT_LOGGER_NAME)
        .iteratorForAppenders()
        .forEachRemaining(appenders::add);
    assertThat(appenders).hasSize(1);
    return appenders.get(0);
  }

  private static ConsoleAppender<ILoggingEvent> console(LoggerContext context) {
    Appender<ILoggingEvent> appender = theOnlyAppender(context);
    assertThat(appender).isInstanceOf(ConsoleAppender.class);
    return (ConsoleAppender<ILoggingEvent>) appender;
  }

  private static List<ILoggingEvent> events() {
    Logger logger = new LoggerContext().getLogger("io.crewexport.export.ReportExporter");
    IllegalStateException nested =
        new IllegalStateException("commit failed", new java.io.IOException("disk full"));
    nested.addSuppressed(new IllegalArgumentException("cleanup failed"));
    List<LoggingEvent> events =
        List.of(
            event(logger, Level.INFO, "Exported {} rows of {}", null, 3, "oneonone.summary"),
            event(logger, Level.WARN, "Retrying", new IllegalStateException("reset")),
            event(logger, Level.ERROR, "Export failed", nested),
            event(logger, Level.DEBUG, "Zoë's report, 50% done {}", null),
            event(logger, Level.TRACE, null, null));
    events.forEach(event -> event.setTimeStamp(1_733_356_800_123L));
    return List.copyOf(events);
  }

  private static LoggingEvent event(
      Logger logger, Level level, String message, Throwable thrown, Object... arguments) {
    return new LoggingEvent("fqcn", logger, level, message, thrown, arguments);
  }

  private static String line(ConsoleAppender<ILoggingEvent> appender, ILoggingEvent event) {
    return new String(appender.getEncoder().encode(event), UTF_8);
  }

  private static String userConfiguration() {
    return """
        <configuration>
          <appender name="MINE" class="ch.qos.logback.core.read.ListAppender"/>
          <root level="TRACE"><appender-ref ref="MINE"/></root>
        </configuration>
        """;
  }
}
