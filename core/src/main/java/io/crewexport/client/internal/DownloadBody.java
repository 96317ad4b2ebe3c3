package io.crewexport.client.internal;

import static io.crewexport.client.internal.JsonBody.writeFieldIfPresent;

import com.fasterxml.jackson.core.JsonGenerator;
import io.crewexport.ReportRequest;
import java.io.IOException;

/**
 * The JSON body of a download request. Dates go out as numbers {@code yyyymmdd}, as the vendor
 * wants; absent fields are left out.
 */
public record DownloadBody(Integer startDate, Integer endDate, String contentType, Boolean jobId)
    implements JsonBody {

  /** The body for {@code request}. */
  public static DownloadBody of(ReportRequest request, boolean forceJob) {
    return new DownloadBody(
        request.optionalPeriod().map(p -> p.startNumber()).orElse(null),
        request.optionalPeriod().map(p -> p.endNumber()).orElse(null),
        request.contentType().wireName(),
        forceJob ? Boolean.TRUE : null);
  }

  @Override
  public void writeFields(JsonGenerator json) throws IOException {
    writeFieldIfPresent(json, "startDate", startDate);
    writeFieldIfPresent(json, "endDate", endDate);
    writeFieldIfPresent(json, "contentType", contentType);
    writeFieldIfPresent(json, "jobId", jobId);
  }
}
