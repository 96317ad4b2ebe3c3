package io.crewexport.client;

import static java.util.Objects.requireNonNull;

import io.crewexport.ReportRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A report body on local disk, with what it took to get it. Close it to delete the spool file.
 *
 * @param request what was asked
 * @param file the spool file holding the body
 * @param bytes the body's length
 * @param json whether the body is JSON (else CSV)
 * @param charset the body's charset
 * @param attempts how many times the report was requested
 * @param polls how many times a job was polled
 * @param jobIds the job ids the vendor gave, in order
 */
public record DownloadedReport(
    ReportRequest request,
    Path file,
    long bytes,
    boolean json,
    Charset charset,
    int attempts,
    int polls,
    List<String> jobIds)
    implements AutoCloseable {
  /**
   * How every spool file's name starts, then the report id, the writing process's pid and a unique
   * part (see {@link SpoolFiles}).
   */
  public static final String SPOOL_FILE_PREFIX = "crewexport-";

  /** How every spool file's name ends. */
  public static final String SPOOL_FILE_SUFFIX = ".spool";

  public DownloadedReport {
    requireNonNull(request, "request");
    requireNonNull(file, "file");
    requireNonNull(charset, "charset");
    jobIds = List.copyOf(jobIds);
  }

  /** Deletes the spool file. */
  @Override
  public void close() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete spool file " + file, e);
    }
  }
}
