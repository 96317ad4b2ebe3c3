package io.crewexport.client.internal;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * What one HTTP answer of the vendor means, decided from status, content type and body together.
 */
public sealed interface Answer {

  /**
   * The report itself, already streamed to a spool file.
   *
   * @param file the spool file holding the body
   * @param bytes the body's length
   * @param json whether the body is JSON (else CSV)
   * @param charset the charset the body is encoded in
   */
  record Data(Path file, long bytes, boolean json, Charset charset) implements Answer {}

  /** A long-running report: poll with this job id. */
  record JobTicket(String jobId) implements Answer {}

  /**
   * An error: a documented error status, or a {@code 200} that is not data (an HTML page, an empty
   * body, an error JSON).
   *
   * @param status the HTTP status
   * @param errorMessage the vendor's {@code errorMessage}, or a description of what came instead
   * @param retryAfter the server's {@code Retry-After}, if it sent one
   */
  record Failure(int status, String errorMessage, Optional<Duration> retryAfter) implements Answer {

    /** Whether trying the same call again may help: 429, 5xx, or a 200 that was not data. */
    public boolean retryable() {
      return status == 429 || status >= 500 || status == 200;
    }
  }

  /** A successful answer of another call, such as a token; the retrier passes it through. */
  non-sealed interface Token extends Answer {}
}
