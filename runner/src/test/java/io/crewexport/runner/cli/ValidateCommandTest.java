package io.crewexport.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.crewexport.runner.Main;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** {@code validate} finds what a run would refuse before its first request. */
final class ValidateCommandTest {
  @TempDir Path folder;

  @Test
  void refusesASecretVariableThatIsNotSet() throws Exception {
    Path config =
        config("base-url: 'http://127.0.0.1:9', client-id: acme, client-secret-env: MY_SECRET");

    List<String> errors = validate(config, Map.of(), 2);

    assertThat(errors)
        .singleElement()
        .asString()
        .startsWith(
            config
                + ": Account acme: the client secret is to come from environment variable MY_SECRET")
        .contains("which is not set");
  }

  @Test
  void refusesPlainHttpToAnotherMachine() throws Exception {
    Path config = config("base-url: 'http://example.com', token-env: T");

    assertThat(validate(config, Map.of("T", "t0ken-value"), 2))
        .singleElement()
        .asString()
        .contains("uses plain http to a host that is not this machine");
  }

  @Test
  void passesAConfigWhoseAccountsARunCouldMake() throws Exception {
    Path config =
        config("base-url: 'http://127.0.0.1:9', client-id: acme, client-secret-env: MY_SECRET");

    assertThat(validate(config, Map.of("MY_SECRET", "s3cret-value"), 0)).isEmpty();
  }

  private Path config(String account) throws Exception {
    String yaml =
        """
        output: '%s'
        defaults: {sinks: [csv]}
        accounts:
          acme: {%s}
        reports:
          - {id: r1, period: 2024-01-01..2024-01-31}
        """
            .formatted(folder.resolve("lake"), account);
    return Files.writeString(folder.resolve("c.yaml"), yaml);
  }

  /** Runs validate with {@code env}, checks its exit code, and returns what it logged as errors. */
  private List<String> validate(Path config, Map<String, String> env, int expectedCode) {
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    Logger logger = (Logger) LoggerFactory.getLogger(FailureHandler.class);
    logger.addAppender(logged);
    try {
      assertThat(Main.run(env, "validate", "--config", config.toString())).isEqualTo(expectedCode);
    } finally {
      logger.detachAppender(logged);
    }
    assertThat(folder.resolve("lake")).doesNotExist();
    return logged.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
  }
}
