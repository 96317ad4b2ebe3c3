package io.crewexport.read;

import static io.crewexport.read.Bodies.csv;
import static io.crewexport.read.Bodies.readAll;
import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crewexport.CrewexportException;
import io.crewexport.ErrorCode;
import io.crewexport.testing.Samples;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class CsvReportReaderTest {
  @TempDir Path folder;

  @Test
  void readsTheVendorSampleWithItsRepeatedHeading() {
    ReportReader reader = new CsvReportReader(Samples.vendorSampleFile(folder), UTF_8, "sample");
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

  @Test
  void readsQuotedCommasQuotesAndLineBreaks() {
    String body = "a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\r\n\"line 1\r\nline 2\nline 3\",last";
    List<String[]> rows = readAll(csv(folder, body));
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0)).containsExactly("x, y", "say \"hi\"");
    assertThat(rows.get(1)).containsExactly("line 1\r\nline 2\nline 3", "last");
  }

  @Test
  void stripsAByteOrderMark() {
    assertThat(csv(folder, "\uFEFFName,Age\nAl,3\n").headings()).containsExactly("Name", "Age");
  }

  @Test
  void refusesALongRowNamingItsLine() {
    ReportReader reader = csv(folder, "a,b\n1,2\n1,2,3\n");
    assertThatThrownBy(() -> readAll(reader))
        .isInstanceOf(CrewexportException.class)
        .hasMessageContaining("line 3 has 3 cells but the heading row has 2")
        .extracting(e -> ((CrewexportException) e).code())
        .isEqualTo(ErrorCode.MALFORMED_REPORT);
  }

  @Test
  void refusesInvalidUtf8NamingItsLine() {
    byte[] body = {'a', '\n', 'x', (byte) 0xC3, (byte) 0x28, '\n'};
    assertThatThrownBy(() -> readAll(csv(folder, body, UTF_8)))
        .isInstanceOf(CrewexportException.class)
        .hasMessageContaining("test report: the CSV body cannot be read")
        .hasMessageContaining(
            "line 2 holds bytes that are not valid UTF-8 (0xC3 at byte offset 3)");
  }

  @Test
  void decodesLatin1WhenDeclared() {
    byte[] body = {'n', (byte) 0xE9, '\n', 'J', 'o', (byte) 0xEB, 'l', '\n'};
    ReportReader reader = csv(folder, body, ISO_8859_1);
    assertThat(reader.headings()).containsExactly("né");
    assertThat(readAll(reader).get(0)).containsExactly("Joël");
  }

  @Test
  void refusesAnEmptyBody() {
    assertThatThrownBy(() -> csv(folder, ""))
        .isInstanceOf(CrewexportException.class)
        .hasMessageContaining("no heading row");
  }
}
