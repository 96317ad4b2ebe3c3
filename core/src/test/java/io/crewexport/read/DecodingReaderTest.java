package io.crewexport.read;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class DecodingReaderTest {
  @TempDir Path folder;

  @Test
  void handsOutCharactersOutsideTheBmpOneCharAtATime() throws IOException {
    String text = "\uFEFFa😀b\uFEFF";
    StringBuilder read = new StringBuilder();
    try (Reader reader = reader(text.getBytes(UTF_8))) {
      for (int c; (c = reader.read()) >= 0; ) {
        read.append((char) c);
      }
    }
    assertThat(read.toString()).isEqualTo("a😀b\uFEFF");
  }

  @Test
  void reportsTheOffsetOfTheFirstInvalidByte() {
    byte[] body = new byte[200_000];
    java.util.Arrays.fill(body, (byte) 'x');
    body[150_001] = (byte) 0x80;
    assertThatThrownBy(() -> reader(body).transferTo(java.io.Writer.nullWriter()))
        .isInstanceOf(DecodingReader.InvalidText.class)
        .hasMessage("0x80 at byte offset 150001");
  }

  @Test
  void countsLinesAsFastCsvDoes() throws IOException {
    Path file = Bodies.write(folder, "lines.csv", "a\r\nb\rc\n\"d\r\ne\"\n\nf".getBytes(UTF_8));
    assertThat(DecodingReader.lineAt(file, UTF_8, 0)).isEqualTo(1);
    assertThat(DecodingReader.lineAt(file, UTF_8, 3)).isEqualTo(2);
    assertThat(DecodingReader.lineAt(file, UTF_8, 5)).isEqualTo(3);
    assertThat(DecodingReader.lineAt(file, UTF_8, 11)).isEqualTo(5);
    assertThat(DecodingReader.lineAt(file, UTF_8, 15)).isEqualTo(7);
  }

  private static Reader reader(byte[] body) {
    return new DecodingReader(new ByteArrayInputStream(body), UTF_8);
  }
}
