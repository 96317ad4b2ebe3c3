package io.crewexport.runner.demo;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class GeneratedReportTest {
  private static final int ROWS = 3_000;

  /** Like the vendor's sample, every column before Active Teams always holds a value. */
  private static final int FIRST_OPTIONAL_COLUMN = 13;

  @Test
  void sameSeedAndRowCountGiveSameBytes() throws IOException {
    assertThat(csv(ROWS, 11)).isEqualTo(csv(ROWS, 11));
  }

  @Test
  void differentSeedsGiveDifferentPeople() throws IOException {
    assertThat(csv(50, 11)).isNotEqualTo(csv(50, 12));
  }

  @Test
  void shorterReportIsPrefixOfLongerOne() throws IOException {
    String shorter = new String(csv(100, 5), UTF_8);
    String longer = new String(csv(200, 5), UTF_8);

    assertThat(longer).startsWith(shorter);
  }

  @Test
  void parsesBackToHeadingsAndRowCountWithThirtyOneFieldsEach() throws IOException {
    List<List<String>> records = parse(csv(ROWS, 11));

    assertThat(records).hasSize(ROWS + 1);
    assertThat(records.get(0)).isEqualTo(SampleReport.load().headings());
    assertThat(records).allSatisfy(record -> assertThat(record).hasSize(31));
    assertThat(records.get(ROWS).get(1)).isEqualTo("emp" + ROWS);
  }

  @Test
  void containsTheAwkwardValuesOfRealExports() throws IOException {
    List<String> cells = parse(csv(ROWS, 11)).stream().skip(1).flatMap(List::stream).toList();

    assertThat(cells).contains("Yes", "No", "0", "");
    assertThat(cells).anyMatch(cell -> cell.matches("20\\d{6}"));
    assertThat(cells).anyMatch(cell -> cell.startsWith("- ") && cell.contains("\n- "));
    assertThat(cells).anyMatch(cell -> cell.matches("- .+ \\(\\d{1,2} [A-Z][a-z]{2} \\d{4}\\)"));
    assertThat(cells).anyMatch(cell -> cell.contains(","));
    assertThat(cells).anyMatch(cell -> cell.contains("\""));
    assertThat(cells).anyMatch(cell -> cell.chars().anyMatch(c -> c > 0x7f && c < 0x3000));
    assertThat(cells).anyMatch(cell -> cell.codePoints().anyMatch(c -> c >= 0x4e00 && c <= 0x9fff));
    assertThat(cells)
        .anyMatch(cell -> cell.codePoints().anyMatch(Character::isSupplementaryCodePoint));
  }

  @Test
  void leavesMostCellsAfterTheEmploymentColumnsEmpty() throws IOException {
    List<String> optional =
        parse(csv(ROWS, 11)).stream()
            .skip(1)
            .flatMap(record -> record.subList(FIRST_OPTIONAL_COLUMN, 31).stream())
            .toList();

    long empty = optional.stream().filter(String::isEmpty).count();
    assertThat(empty).isGreaterThan(optional.size() * 7 / 10);
  }

  @Test
  void writesSameBytesToFileAsToStream(@TempDir Path folder) throws IOException {
    Path file = folder.resolve("people.csv");

    GeneratedReport.writeCsv(file, 500, 9);

    assertThat(Files.readAllBytes(file)).isEqualTo(csv(500, 9));
  }

  @Test
  void endsEveryRecordWithCrLf() throws IOException {
    String text = new String(csv(20, 1), UTF_8);

    assertThat(text).endsWith("\r\n");
    assertThat(text.split("\r\n", -1)).hasSizeGreaterThanOrEqualTo(21);
  }

  private static byte[] csv(long rows, long seed) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    GeneratedReport.writeCsv(out, rows, seed);
    return out.toByteArray();
  }

  private static List<List<String>> parse(byte[] csv) throws IOException {
    try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(new String(csv, UTF_8))) {
      return reader.stream().map(CsvRecord::getFields).toList();
    }
  }
}
