package io.crewexport.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class ChildArgsTest {

  @Test
  void readsBackTheCommandLineItWasWrittenAs() {
    ChildArgs written =
        new ChildArgs("export", Map.of()).with("sinks", "parquet,csv").with("url", "http://a=b");

    ChildArgs read = ChildArgs.parse(written.toList().toArray(String[]::new));

    assertThat(read).isEqualTo(written);
    assertThat(read.get("url")).isEqualTo("http://a=b");
    assertThat(read.path("sinks")).isEqualTo(Path.of("parquet,csv"));
  }

  @Test
  void namesTheMissingKeyAndTheTask() {
    ChildArgs arguments = ChildArgs.parse(new String[] {"duckdb", "load=table"});

    assertThatThrownBy(() -> arguments.get("file"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("task duckdb needs file=...");
    assertThat(arguments.get("file", "none")).isEqualTo("none");
  }

  @Test
  void refusesAnArgumentWithoutKey() {
    assertThatThrownBy(() -> ChildArgs.parse(new String[] {"infer", "=x"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not key=value: =x");
  }
}
