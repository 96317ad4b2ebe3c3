package io.crewexport.sink.duckdb.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class SpacedQuotesTest {
  private static final int BLOCK = 1 << 20;

  @TempDir Path folder;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a,b\n \"x\",1\n",
        "a,b\nx,   \"\"\n",
        "a,b\r\nx,1\r\n \"y\",2\r\n",
        "a,b\rx,1\r \"y\",2\r",
        " \"a\",b\nx,1\n",
        "\uFEFF \"a\",b\n",
        "a,b\n\"q\",\"r\"\"\" \n \"s\",1\n",
      })
  void findsACellOfSpacesAndAQuote(String text) throws Exception {
    assertThat(SpacedQuotes.occurIn(file(text))).as(text).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a,b\nx,\"\"\n",
        "a,b\n\"x, \"\"y\"\"\",1\n",
        "a,b\n\"x\n \"\"y\",1\n",
        "a,b\nx \"y\",1\n",
        "a,b\n\t\"x\",1\n",
        "a,b\n\"a, \",\" \"\n",
        "a,b\nx y,  \n",
        "\uFEFF\"a\",b\n",
        "",
      })
  void passesQuotesElsewhere(String text) throws Exception {
    assertThat(SpacedQuotes.occurIn(file(text))).as(text).isFalse();
  }

  @Test
  void followsAQuotedCellAcrossBlocks() throws Exception {
    // A quoted cell spans the first block's end and holds a line break and a spaced quote.
    String quoted = "\"" + "x".repeat(BLOCK) + ",\n \"\"y\"\"\"";

    assertThat(SpacedQuotes.occurIn(file("a,b\n" + quoted + ",1\n"))).isFalse();
    assertThat(SpacedQuotes.occurIn(file("a,b\n" + quoted + ", \"z\"\n"))).isTrue();
  }

  @Test
  void findsSpacesAndAQuoteSplitByTheBlockEnd() throws Exception {
    String head = "a,b\n" + "x".repeat(BLOCK - 7) + ",  ";

    assertThat(head.length()).isEqualTo(BLOCK);
    assertThat(SpacedQuotes.occurIn(file(head + "\"y\"\n"))).isTrue();
  }

  private Path file(String text) throws Exception {
    return Files.writeString(folder.resolve("body.csv"), text, UTF_8);
  }
}
