package io.crewexport.runner.demo;

import java.time.Instant;

/**
 * A long-running download the server has accepted.
 *
 * @param id the 32 lowercase hex characters the client polls with
 * @param reportId the report it belongs to; polling it under another report finds nothing
 * @param request what the client asked for, so the data comes in the format first requested
 * @param readyAt when the report has finished generating
 * @param expiresAt when the job id stops working, counted from the original request
 */
record DemoJob(
    String id, String reportId, DownloadRequest request, Instant readyAt, Instant expiresAt) {

  boolean isReady(Instant now) {
    return !now.isBefore(readyAt);
  }

  boolean isExpired(Instant now) {
    return !now.isBefore(expiresAt);
  }
}
