package io.crewexport.read;

import static io.crewexport.read.Bodies.csv;
import static io.crewexport.read.Bodies.readAll;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crewexport.CrewexportException;
import io.crewexport.schema.ColumnNames;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the CSV reader does with bodies a vendor, a proxy or a bug might send. */
final class CsvHostileInputTest {
  @TempDir Path folder;

  @Test
  void stripsAByteOrderMarkBeforeAQuotedHeading() {
    ReportReader reader = csv(folder, "\uFEFF\"Name, full\",Age\r\nAl,3\r\n");
    assertThat(reader.headings()).containsExactly("Name, full", "Age");
    assertThat(readAll(reader)).containsExactly(new String[] {"Al", "3"});
  }

  @Test
  void takesABodyOfOnlyAByteOrderMarkAsEmpty() {
    assertThatThrownBy(() -> csv(folder, "\uFEFF"))
        .isInstanceOf(CrewexportException.class)
        .hasMessageContaining("no heading row");
  }

  @Test
  void readsCrLfAndLoneCrLineEndsAndALastLineWithoutOne() {
    List<String[]> rows = readAll(csv(folder, "a,b\r\n1,2\r3,4\n5,6"));
    assertThat(rows)
        .containsExactly(new String[] {"1", "2"}, new String[] {"3", "4"}, new String[] {"5", "6"});
  }

  @Test
  void keepsEmbeddedLineBreaksAndQuotesExactly() {
    String cell = "He said \"no\",\r\nthen\rleft\n\"\"";
    String body = "a,b\n\"" + cell.replace("\"", "\"\"") + "\",x\n";
    assertThat(readAll(csv(folder, body)).get(0)).containsExactly(cell, "x");
  }

  @Test
  void readsAccentsCjkAndEmojiInHeadingsAndCells() {
    ReportReader reader = csv(folder, "Année,部署,😀 Mood\nJoël,東京,\"🎉, 👩‍👩‍👧\"\n");
    assertThat(reader.headings()).containsExactly("Année", "部署", "😀 Mood");
    assertThat(readAll(reader)).containsExactly(new String[] {"Joël", "東京", "🎉, 👩‍👩‍👧"});
  }

  @Test
  void decodesCharactersSplitAcrossReadBuffers() {
    // Four-byte emoji from an odd offset: the 64 KiB read buffers end inside some of them.
    String emoji = "😀".repeat(50_000);
    String cjk = "東".repeat(50_000);
    List<String[]> rows = readAll(csv(folder, "h,i\n" + emoji + "," + cjk + "\n"));
    assertThat(rows.get(0)[0]).isEqualTo(emoji);
    assertThat(rows.get(0)[1]).isEqualTo(cjk);
  }

  @Test
  void keepsDuplicateAndEmptyHeadingsForUniqueNames() {
    ReportReader reader = csv(folder, "Team,,Team,\"\"\n1,2,3,4\n");
    assertThat(reader.headings()).containsExactly("Team", "", "Team", "");
    assertThat(ColumnNames.of(reader.headings()))
        .containsExactly("team", "column_2", "team_2", "column_4");
    assertThat(readAll(reader)).containsExactly(new String[] {"1", "2", "3", "4"});
  }

  @ParameterizedTest
  @ValueSource(strings = {"UTF-8", "ISO-8859-1"})
  void tellsWhetherACellStartsWithSpacesThenAQuoteAndKeepsItAsItStands(String charset) {
    Charset encoding = Charset.forName(charset);
    ReportReader first = csv(folder, "a,b\n1, \"x\"\n".getBytes(encoding), encoding);
    assertThat(readAll(first)).containsExactly(new String[] {"1", " \"x\""});
    assertThat(first.hasSpacedQuote()).isTrue();
    for (String body : new String[] {"a,b\n  \"\",2\n", " \"a\",b\n1,2\n"}) {
      ReportReader reader = csv(folder, body.getBytes(encoding), encoding);
      readAll(reader);
      assertThat(reader.hasSpacedQuote()).as(body).isTrue();
    }
    for (String body : new String[] {"a,b\n1,\" \"\"x\"\n", "a,b\nx \"y\",\"\"\n", "a,b\n , \n"}) {
      ReportReader reader = csv(folder, body.getBytes(encoding), encoding);
      readAll(reader);
      assertThat(reader.hasSpacedQuote()).as(body).isFalse();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"UTF-8", "ISO-8859-1"})
  void tellsNoSpacedQuoteForOtherBlanksBeforeAQuote(String charset) {
    // DuckDB 2.0's read_csv, with the bulk load's options, keeps these as they stand (it unquotes
    // after one space only): a load of them reads what the export reads.
    Charset encoding = Charset.forName(charset);
    for (String cell : new String[] {"\t\"x\"", "\u00A0\"x\"", "\f\"x\"", "x \"y\""}) {
      ReportReader reader = csv(folder, ("a,b\n1," + cell + "\n").getBytes(encoding), encoding);
      assertThat(readAll(reader)).containsExactly(new String[] {"1", cell});
      assertThat(reader.hasSpacedQuote()).as(cell).isFalse();
    }
  }

  @Test
  void readsEmptyAndQuotedEmptyCellsAsNull() {
    ReportReader reader = csv(folder, "a,b,c\n,\"\",\n");
    assertThat(readAll(reader)).containsExactly(new String[] {null, null, null});
    assertThat(reader.paddedRows()).isZero();
  }

  @Test
  void padsRaggedShortRowsAndCountsThem() {
    ReportReader reader = csv(folder, "a,b,c\n1\n1,2\n1,2,3\n");
    assertThat(readAll(reader))
        .containsExactly(
            new String[] {"1", null, null},
            new String[] {"1", "2", null},
            new String[] {"1", "2", "3"});
    assertThat(reader.paddedRows()).isEqualTo(2);
  }

  @Test
  void namesTheLineOfALongRowAfterAMultiLineCell() {
    ReportReader reader = csv(folder, "a,b\n\"1\n2\n3\",x\r\n4,5,6\n");
    assertThatThrownBy(() -> readAll(reader))
        .isInstanceOf(CrewexportException.class)
        .hasMessageContaining("line 5 has 3 cells but the heading row has 2");
  }

  @Test
  void skipsBlankLinesInAReportOfSeveralColumns() {
    ReportReader reader = csv(folder, "\na,b\n\n1,2\r\n\r\n3,4\n\n");
    assertThat(reader.headings()).containsExactly("a", "b");
    assertThat(readAll(reader)).containsExactly(new String[] {"1", "2"}, new String[] {"3", "4"});
    assertThat(reader.paddedRows()).isZero();
  }

  @Test
  void readsABlankLineOfAOneColumnReportAsAnEmptyCell() {
    // That is how a CSV writer writes a one-column row whose cell is empty.
    assertThat(readAll(csv(folder, "a\n1\n\n2\n")))
        .containsExactly(new String[] {"1"}, new String[] {null}, new String[] {"2"});
  }

  @Test
  void namesTheExactLineOfInvalidUtf8FarIntoTheBody() {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes("a,b\r\n\"multi\nline\",1\r\n".getBytes(UTF_8));
    for (int i = 0; i < 10_000; i++) {
      body.writeBytes("row,é\r\n".getBytes(UTF_8));
    }
    body.writeBytes(new byte[] {'x', ',', (byte) 0xE2, (byte) 0x82, '\r', '\n'});
    body.writeBytes("last,1\r\n".getBytes(UTF_8));
    ReportReader reader = csv(folder, body.toByteArray(), UTF_8);

    assertThatThrownBy(() -> readAll(reader))
        .isInstanceOf(CrewexportException.class)
        .hasMessageContaining("line 10004 holds bytes that are not valid UTF-8 (0xE2 0x82 at");
  }

  @Test
  void namesTheLineOfInvalidUtf8InTheHeadingRow() {
    byte[] body = {'a', (byte) 0xFF, ',', 'b', '\n', '1', ',', '2', '\n'};
    assertThatThrownBy(() -> csv(folder, body, UTF_8))
        .isInstanceOf(CrewexportException.class)
        .hasMessageContaining(
            "line 1 holds bytes that are not valid UTF-8 (0xFF at byte offset 1)");
  }

  @Test
  void refusesAUtf8SequenceCutShortAtTheEnd() {
    byte[] body = {'a', '\n', 'b', '\n', (byte) 0xF0, (byte) 0x9F};
    assertThatThrownBy(() -> readAll(csv(folder, body, UTF_8)))
        .isInstanceOf(CrewexportException.class)
        .hasMessageContaining("line 3 holds bytes that are not valid UTF-8 (0xF0 0x9F at");
  }

  @Test
  void readsATenMegabyteCell() {
    String big = "x\"y,\n".repeat(2 * 1024 * 1024);
    String body = "a,b\n1,\"" + big.replace("\"", "\"\"") + "\"\n2,3\n";
    List<String[]> rows = readAll(csv(folder, body));
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0)[1]).hasSize(big.length()).isEqualTo(big);
    assertThat(rows.get(1)).containsExactly("2", "3");
  }

  @Test
  void refusesARowOfAMillionCommasNamingItsLine() {
    String body = "a,b\n1,2\n" + ",".repeat(1_000_000) + "\n";
    assertThatThrownBy(() -> readAll(csv(folder, body)))
        .isInstanceOf(CrewexportException.class)
        .hasMessageContaining("line 3 has 1000001 cells but the heading row has 2");
  }

  @Test
  void refusesAHeadingRowOfAMillionCommas() {
    assertThatThrownBy(() -> csv(folder, ",".repeat(1_000_000) + "\n1\n"))
        .isInstanceOf(CrewexportException.class)
        .hasMessageContaining("line 1, the heading row, has 1000001 cells; at most 16384");
  }

  @Test
  void refusesAQuoteLeftOpenNamingTheLineItOpensOn() {
    assertThatThrownBy(() -> readAll(csv(folder, "a,b\n1,2\n3,\"open\n4,5\n")))
        .isInstanceOf(CrewexportException.class)
        .hasMessageContaining("the record starting on line 3")
        .hasMessageContaining("Unclosed quoted field");
  }

  @Test
  void refusesTextAfterAClosingQuoteNamingTheLine() {
    assertThatThrownBy(() -> readAll(csv(folder, "a,b\n1,2\n\"3\"x,4\n")))
        .isInstanceOf(CrewexportException.class)
        .hasMessageContaining("the record starting on line 3")
        .hasMessageContaining("Unexpected character after closing quote");
  }
}
