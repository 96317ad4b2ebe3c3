package io.crewexport.sink.parquet.encoding;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

final class Utf8Test {
  private final Utf8 utf8 = new Utf8();

  @Test
  void encodesAsGetBytesDoesIncludingUnpairedSurrogates() {
    String[] texts = {
      "",
      "plain ascii",
      "émile",
      "日本語",
      "😀 and 𝄞",
      "\uD800",
      "a\uDC00b",
      "\uD83D\uD83D\uDE00",
      "tail \uD83D",
      "\u0000\u007F\u0080\u07FF\u0800\uFFFF"
    };
    for (String text : texts) {
      assertThat(encoded(text)).as(text).isEqualTo(text.getBytes(UTF_8));
    }
  }

  @Test
  void encodesRandomCharsAsGetBytesDoes() {
    Random random = new Random(11);
    for (int round = 0; round < 2_000; round++) {
      char[] chars = new char[random.nextInt(50)];
      for (int i = 0; i < chars.length; i++) {
        // Mostly from the edges: ASCII, 2-byte, 3-byte and surrogates.
        chars[i] =
            switch (random.nextInt(4)) {
              case 0 -> (char) random.nextInt(0x80);
              case 1 -> (char) (0x80 + random.nextInt(0x780));
              case 2 -> (char) (0xD800 + random.nextInt(0x800));
              default -> (char) random.nextInt(0x10000);
            };
      }
      String text = new String(chars);

      assertThat(encoded(text)).isEqualTo(text.getBytes(UTF_8));
    }
  }

  @Test
  void growsForLongText() {
    String text = "ü".repeat(100_000);

    assertThat(encoded(text)).isEqualTo(text.getBytes(UTF_8));
  }

  private byte[] encoded(String text) {
    utf8.encode(text);
    return Arrays.copyOf(utf8.bytes(), utf8.length());
  }
}
