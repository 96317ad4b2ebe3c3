package io.crewexport.client.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.crewexport.ReportRequest;

/**
 * The JSON body of a download request. Dates go out as numbers {@code yyyymmdd}, as the vendor
 * wants; absent fields are left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DownloadBody(Integer startDate, Integer endDate, String contentType, Boolean jobId) {

  /** The body for {@code request}. */
  public static DownloadBody of(ReportRequest request, boolean forceJob) {
    return new DownloadBody(
        request.optionalPeriod().map(p -> p.startNumber()).orElse(null),
        request.optionalPeriod().map(p -> p.endNumber()).orElse(null),
        request.contentType().wireName(),
        forceJob ? Boolean.TRUE : null);
  }
}
