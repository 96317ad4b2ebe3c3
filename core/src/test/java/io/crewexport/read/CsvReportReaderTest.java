package io.crewexport.read;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crewexport.CrewexportException;
import io.crewexport.ErrorCode;
import io.crewexport.testing.Samples;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class CsvReportReaderTest {
  @TempDir Path folder;

  @Test
  void readsTheVendorSampleWithItsRepeatedHeading() {
    try (ReportReader reader =
        new CsvReportReader(Samples.vendorSampleFile(folder), UTF_8, "sample")) {
      assertThat(reader.headings()).hasSize(31);
      assertThat(reader.headings().get(17)).isEqualTo("Active Division  Teams");
      assertThat(reader.headings().get(18)).isEqualTo("Active Division  Teams");
      List<String[]> rows = readAll(reader);
      assertThat(rows).hasSize(3);
      assertThat(rows.get(1)[0]).isEqualTo("Ari Walsh");
      assertThat(rows.get(1)[13]).isEqualTo("- Nat. Team Co-ordinators");
      assertThat(rows.get(1)[20]).isEqualTo("- Mechanical Plant Engineer (29 Jun 2021)");
      assertThat(rows.get(0)[13]).isNull();
      assertThat(reader.paddedRows()).isZero();
    }
  }

  @Test
  void readsQuotedCommasQuotesAndLineBreaks() throws IOException {
    String body = "a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\r\n\"line 1\r\nline 2\nline 3\",last";
    try (ReportReader reader = reader(body.getBytes(UTF_8), UTF_8)) {
      List<String[]> rows = readAll(reader);
      assertThat(rows).hasSize(2);
      assertThat(rows.get(0)).containsExactly("x, y", "say \"hi\"");
      assertThat(rows.get(1)).containsExactly("line 1\r\nline 2\nline 3", "last");
    }
  }

  @Test
  void stripsAByteOrderMark() throws IOException {
    try (ReportReader reader = reader("\uFEFFName,Age\nAl,3\n".getBytes(UTF_8), UTF_8)) {
      assertThat(reader.headings()).containsExactly("Name", "Age");
    }
  }

  @Test
  void padsShortRowsAndCountsThem() throws IOException {
    try (ReportReader reader = reader("a,b,c\n1\n1,2,3\n".getBytes(UTF_8), UTF_8)) {
      assertThat(readAll(reader).get(0)).containsExactly("1", null, null);
      assertThat(reader.paddedRows()).isEqualTo(1);
    }
  }

  @Test
  void refusesALongRowNamingItsLine() throws IOException {
    try (ReportReader reader = reader("a,b\n1,2\n1,2,3\n".getBytes(UTF_8), UTF_8)) {
      assertThatThrownBy(() -> readAll(reader))
          .isInstanceOf(CrewexportException.class)
          .hasMessageContaining("line 3 has 3 cells")
          .extracting(e -> ((CrewexportException) e).code())
          .isEqualTo(ErrorCode.MALFORMED_REPORT);
    }
  }

  @Test
  void refusesInvalidUtf8() throws IOException {
    byte[] body = {'a', '\n', 'x', (byte) 0xC3, (byte) 0x28, '\n'};
    assertThatThrownBy(() -> readAll(reader(body, UTF_8)))
        .isInstanceOf(CrewexportException.class)
        .hasMessageContaining("not valid text");
  }

  @Test
  void decodesLatin1WhenDeclared() throws IOException {
    byte[] body = {'n', '\n', 'J', 'o', (byte) 0xEB, 'l', '\n'};
    try (ReportReader reader = reader(body, ISO_8859_1)) {
      assertThat(readAll(reader).get(0)).containsExactly("Joël");
    }
  }

  @Test
  void refusesAnEmptyBody() {
    assertThatThrownBy(() -> reader(new byte[0], UTF_8))
        .isInstanceOf(CrewexportException.class)
        .hasMessageContaining("no heading row");
  }

  private ReportReader reader(byte[] body, Charset charset) throws IOException {
    Path file = Files.write(folder.resolve("body.csv"), body);
    return new CsvReportReader(file, charset, "test report");
  }

  private static List<String[]> readAll(ReportReader reader) {
    List<String[]> rows = new ArrayList<>();
    for (String[] row; (row = reader.next()) != null; ) {
      rows.add(row);
    }
    return rows;
  }
}
