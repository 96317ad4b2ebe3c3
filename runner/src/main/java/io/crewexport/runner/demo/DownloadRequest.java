package io.crewexport.runner.demo;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The JSON body of a download, validated as the vendor does: every field optional, dates as {@code
 * yyyymmdd} numbers that come in pairs, {@code contentType} {@code csv} or {@code json}, {@code
 * jobId: true} to force the job path. Unknown fields are ignored.
 *
 * @param period the reporting period, if one was asked for; the demo serves the same rows for any
 *     period
 * @param format the body format to answer with
 * @param forceJob whether the client asked for the job path whatever the report's generation time
 */
record DownloadRequest(Optional<Period> period, ReportFormat format, boolean forceJob) {

  /** Two real calendar dates, start not after end. */
  record Period(LocalDate start, LocalDate end) {}

  DownloadRequest {
    requireNonNull(period, "period");
    requireNonNull(format, "format");
  }

  /**
   * Reads a request body; an empty body asks for everything by default.
   *
   * @throws RejectedRequest a 400 saying which field is wrong
   */
  static DownloadRequest parse(byte[] body) {
    JsonNode root = readObject(body);
    Optional<LocalDate> start = date(root, "startDate");
    Optional<LocalDate> end = date(root, "endDate");
    if (start.isPresent() != end.isPresent()) {
      throw RejectedRequest.badRequest("startDate and endDate must be sent together");
    }
    if (start.isPresent() && start.get().isAfter(end.get())) {
      throw RejectedRequest.badRequest(
          "startDate " + start.get() + " is after endDate " + end.get());
    }
    Optional<Period> period = start.map(first -> new Period(first, end.get()));
    return new DownloadRequest(period, format(root), forceJob(root));
  }

  private static JsonNode readObject(byte[] body) {
    if (new String(body, UTF_8).isBlank()) {
      return Exchanges.JSON.createObjectNode();
    }
    return Exchanges.readJsonObject(body);
  }

  private static Optional<LocalDate> date(JsonNode root, String field) {
    JsonNode node = root.path(field);
    if (node.isMissingNode() || node.isNull()) {
      return Optional.empty();
    }
    int value = node.canConvertToInt() && node.isIntegralNumber() ? node.intValue() : 0;
    if (value < 1000_01_01 || value > 9999_12_31) {
      throw RejectedRequest.badRequest(field + " must be a number written yyyymmdd, like 20240131");
    }
    try {
      return Optional.of(LocalDate.of(value / 10_000, value / 100 % 100, value % 100));
    } catch (DateTimeException e) {
      throw RejectedRequest.badRequest(field + " " + value + " is not a calendar date");
    }
  }

  private static ReportFormat format(JsonNode root) {
    JsonNode node = root.path("contentType");
    if (node.isMissingNode() || node.isNull()) {
      return ReportFormat.CSV;
    }
    return Optional.of(node)
        .filter(JsonNode::isTextual)
        .flatMap(text -> ReportFormat.fromWireName(text.textValue()))
        .orElseThrow(() -> RejectedRequest.badRequest("contentType must be \"csv\" or \"json\""));
  }

  private static boolean forceJob(JsonNode root) {
    JsonNode node = root.path("jobId");
    if (node.isMissingNode() || node.isNull()) {
      return false;
    }
    if (!node.isBoolean()) {
      throw RejectedRequest.badRequest("jobId must be true or false");
    }
    return node.booleanValue();
  }
}
