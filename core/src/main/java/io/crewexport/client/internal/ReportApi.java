package io.crewexport.client.internal;

import feign.Headers;
import feign.Param;
import feign.RequestLine;
import feign.Response;

/**
 * The vendor's two download calls. Both return the raw response: the body may be a report of any
 * size, a job ticket or an error, and {@link ResponseReader} tells which.
 */
public interface ReportApi {

  @RequestLine("POST /v1/integrations/download/{reportId}")
  @Headers({
    "Authorization: Bearer {token}",
    "Content-Type: application/json",
    "Accept: text/csv, application/json"
  })
  Response download(
      @Param("reportId") String reportId, @Param("token") String token, DownloadBody body);

  @RequestLine("GET /v1/integrations/download/{reportId}?jobId={jobId}")
  @Headers({"Authorization: Bearer {token}", "Accept: text/csv, application/json"})
  Response poll(
      @Param("reportId") String reportId,
      @Param("jobId") String jobId,
      @Param("token") String token);
}
