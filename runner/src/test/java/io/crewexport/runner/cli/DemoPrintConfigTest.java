package io.crewexport.runner.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.crewexport.runner.Main;
import io.crewexport.runner.config.ConfigLoader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class DemoPrintConfigTest {
  @TempDir Path folder;

  @Test
  void printsAConfigThatLoadsAndSaysItsBaseUrlIsAPlaceholder() throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(printed, true, UTF_8));
    try {
      assertThat(Main.run(Map.of(), "demo", "--print-config", "--out", folder.toString())).isZero();
    } finally {
      System.setOut(original);
    }

    String config = printed.toString(UTF_8);
    assertThat(config.lines().findFirst())
        .hasValue(
            "# base-url below is a placeholder: the demo's server takes a free port at each run.");
    Path file = Files.writeString(folder.resolve("printed.yaml"), config);
    assertThat(ConfigLoader.load(file).config().reports()).hasSize(2);
    assertThat(folder.resolve("demo-config.yaml")).doesNotExist();
  }
}
