package io.crewexport.read;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Columns whose text nobody reads come back null, but their bytes are still checked. */
final class SkipTextTest {
  @TempDir Path folder;

  @Test
  void leavesTheSkippedColumnsNullAndReadsTheOthersAsBefore() {
    try (ReportReader reader =
        Bodies.csv(folder, "Name,Age,Note\nAri,41,\"a, b\"\nBo,,\"x\"\"y\"\nCé,7,zé\n")) {
      assertThat(reader.next()).containsExactly("Ari", "41", "a, b");

      reader.skipText(new boolean[] {true, false, true});

      assertThat(reader.next()).containsExactly(null, null, null);
      assertThat(reader.next()).containsExactly(null, "7", null);
      assertThat(reader.next()).isNull();
    }
  }

  @Test
  void badBytesInASkippedColumnFailAsTheyDoInARead() {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes("Name,Age\nAri,41\nBo".getBytes(UTF_8));
    body.write(0xC3); // a first byte of two, then a comma instead of the second
    body.writeBytes(",5\n".getBytes(UTF_8));

    Throwable read = failure(body.toByteArray(), false);
    Throwable skipped = failure(body.toByteArray(), true);

    assertThat(read).isNotNull();
    assertThat(skipped).isNotNull().hasMessage(read.getMessage());
    assertThat(skipped).hasSameClassAs(read);
  }

  @Test
  void wellFormedAgreesWithTheJdkDecoderOnRandomBytes() {
    Random random = new Random(7);
    CharsetDecoder decoder = UTF_8.newDecoder();
    for (int n = 0; n < 200_000; n++) {
      byte[] bytes = new byte[1 + random.nextInt(6)];
      for (int i = 0; i < bytes.length; i++) {
        // Mostly the bytes that start or continue a sequence, where the edge cases are.
        bytes[i] =
            (byte) (random.nextInt(4) == 0 ? random.nextInt(256) : 0x80 + random.nextInt(0x78));
      }
      boolean jdk;
      try {
        decoder.reset().decode(ByteBuffer.wrap(bytes));
        jdk = true;
      } catch (CharacterCodingException e) {
        jdk = false;
      }
      assertThat(Utf8Cells.wellFormed(bytes, 0, bytes.length))
          .as("%s", HexFormat.of().formatHex(bytes))
          .isEqualTo(jdk);
    }
  }

  private Throwable failure(byte[] body, boolean skip) {
    try (ReportReader reader = Bodies.csv(folder, body, UTF_8)) {
      if (skip) {
        reader.skipText(new boolean[] {true, false});
      }
      return catchThrowable(
          () -> {
            while (reader.next() != null) {
              // Read to the end.
            }
          });
    }
  }
}
