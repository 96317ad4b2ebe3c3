package io.crewexport;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One report to download: its id, an optional period and the body format.
 *
 * <p>The report id is checked here, before it can reach a URL or a file path: letters, digits,
 * dots, dashes and underscores only, and not made of dots alone.
 *
 * @param reportId the vendor's report id, such as {@code oneonone.summary}
 * @param period the reporting period, or {@code null} for a snapshot
 * @param contentType the body format to ask for
 */
public record ReportRequest(String reportId, Period period, ContentType contentType) {
  private static final Pattern REPORT_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");

  public ReportRequest {
    requireNonNull(reportId, "reportId");
    requireNonNull(contentType, "contentType");
    if (!REPORT_ID.matcher(reportId).matches() || reportId.chars().allMatch(c -> c == '.')) {
      throw new CrewexportException(
          ErrorCode.INVALID_REQUEST,
          "Report id '"
              + printable(reportId)
              + "' is not valid: use the id agreed with Crewmojo (letters, digits, '.', '-', '_').");
    }
  }

  public static ReportRequest snapshot(String reportId, ContentType contentType) {
    return new ReportRequest(reportId, null, contentType);
  }

  /** The period, or empty for a snapshot. */
  public Optional<Period> optionalPeriod() {
    return Optional.ofNullable(period);
  }

  /** The report id and period as users read them in messages, e.g. {@code x.y [2024-01-01..]}. */
  public String describe() {
    return reportId + " [" + (period == null ? "no period" : period.toString()) + "]";
  }

  private static String printable(String text) {
    String cut = text.length() > 80 ? text.substring(0, 80) + "..." : text;
    return cut.replaceAll("\\p{Cntrl}", "?");
  }
}
