package io.crewexport.runner.faults;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The reports the fault server serves: HR rows in the vendor's style ({@code yyyymmdd} dates with
 * {@code 0} for never, {@code Yes}/{@code No}, a cell with a comma, quotes and a line break), whose
 * row count and values follow the account's generation and the period asked, so a test can tell the
 * previous export from the next one and compute what a sink must hold.
 */
final class ReportBodies {
  static final List<String> HEADINGS =
      List.of(
          "Employee", "Employee Code", "Email", "Active", "Created Date", "Last Access", "Notes");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

  private ReportBodies() {}

  /** The rows of a report in {@code generation}, for the period starting {@code start}. */
  static List<String[]> rows(int generation, LocalDate start) {
    List<String[]> rows = new ArrayList<>();
    String created = start == null ? "20200115" : start.format(BASIC);
    for (int i = 1; i <= 10 + generation; i++) {
      rows.add(
          new String[] {
            "Person " + i,
            "g" + generation + "-emp" + i,
            "person" + i + "@example.com",
            i % 3 == 0 ? "Yes" : "No",
            created,
            i % 2 == 0 ? "0" : LocalDate.of(2024, 1, 1).plusDays(i + generation).format(BASIC),
            i == 2 ? "said \"hi\", then left\nfor lunch" : ""
          });
    }
    return rows;
  }

  /** The body a healthy server sends for {@code request}: CSV, or JSON when asked for. */
  static ReportBody forRequest(FaultAccount account, String reportId, HttpRequest request) {
    JsonNode asked = parse(request.text());
    LocalDate start =
        asked.hasNonNull("startDate")
            ? LocalDate.parse(asked.get("startDate").asText(), BASIC)
            : null;
    List<String[]> rows = rows(account.generation(), start);
    if ("json".equals(asked.path("contentType").asText())) {
      return new ReportBody("application/json", json(rows));
    }
    return new ReportBody("text/csv; charset=utf-8", csv(HEADINGS, rows).getBytes(UTF_8));
  }

  /** RFC 4180 text of {@code headings} and {@code rows}. */
  static String csv(List<String> headings, List<String[]> rows) {
    StringBuilder text = new StringBuilder(line(headings.toArray(String[]::new)));
    rows.forEach(row -> text.append(line(row)));
    return text.toString();
  }

  private static byte[] json(List<String[]> rows) {
    ArrayNode array = JSON.createArrayNode();
    for (String[] row : rows) {
      ObjectNode object = array.addObject();
      for (int i = 0; i < HEADINGS.size(); i++) {
        object.put(HEADINGS.get(i), row[i]);
      }
    }
    try {
      return JSON.writeValueAsBytes(array);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String line(String[] cells) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      String cell = cells[i];
      boolean quote = cell.contains(",") || cell.contains("\"") || cell.contains("\n");
      line.append(i == 0 ? "" : ",").append(quote ? '"' + cell.replace("\"", "\"\"") + '"' : cell);
    }
    return line.append("\r\n").toString();
  }

  private static JsonNode parse(String text) {
    try {
      return text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }
}
