package io.crewexport.bench;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class FileReportTest {
  private static final String CSV = "Name,Notes\r\nAda,\"two\nlines\"\r\nZoë,\r\n";

  @TempDir Path folder;

  @Test
  void sendsTheHeadingOnceAndTheRowsAsOftenAsAsked() throws Exception {
    FileReport report = new FileReport("r", write(CSV), 3);
    ByteArrayOutputStream body = new ByteArrayOutputStream();

    report.writeCsv(body);

    String rows = "Ada,\"two\nlines\"\r\nZoë,\r\n";
    assertThat(body.toString(UTF_8)).isEqualTo("Name,Notes\r\n" + rows + rows + rows);
    assertThat(report.bytes()).isEqualTo(body.size());
  }

  @Test
  void sendsAFileLargerThanOneWriteWhole() throws Exception {
    StringBuilder rows = new StringBuilder();
    for (int i = 0; rows.length() < 2_500_000; i++) {
      rows.append("row ").append(i).append(",\"note\n").append(i % 7).append("\"\r\n");
    }
    FileReport report = new FileReport("r", write("Name,Notes\r\n" + rows), 2);
    ByteArrayOutputStream body = new ByteArrayOutputStream();

    report.writeCsv(body);

    assertThat(body.toString(UTF_8)).isEqualTo("Name,Notes\r\n" + rows + rows);
    assertThat(report.bytes()).isEqualTo(body.size());
  }

  @Test
  void givesTheRowsAsCellsForJsonDownloads() throws Exception {
    FileReport report = new FileReport("r", write(CSV), 2);
    List<List<String>> rows = new ArrayList<>();

    report.writeRows(cells -> rows.add(List.copyOf(cells)));

    assertThat(report.headings()).containsExactly("Name", "Notes");
    assertThat(rows)
        .containsExactly(
            List.of("Ada", "two\nlines"), List.of("Zoë", ""),
            List.of("Ada", "two\nlines"), List.of("Zoë", ""));
  }

  private Path write(String text) throws Exception {
    return Files.writeString(folder.resolve("report.csv"), text, UTF_8);
  }
}
