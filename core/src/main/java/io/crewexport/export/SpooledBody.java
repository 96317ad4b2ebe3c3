package io.crewexport.export;

import io.crewexport.ReportRequest;
import io.crewexport.client.DownloadedReport;
import io.crewexport.read.CsvReportReader;
import io.crewexport.read.ReportReader;
import io.crewexport.read.ReportReaders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Path;

/**
 * The body an export reads: a finished download, or a CSV body still streaming in.
 *
 * @param request the report and period
 * @param file the spool file
 * @param charset the body's charset
 * @param json whether the body is JSON (else CSV)
 * @param growing the download still streaming into {@code file}, or null once it is complete
 */
record SpooledBody(
    ReportRequest request, Path file, Charset charset, boolean json, BackgroundDownload growing) {

  /** A finished download's body. */
  static SpooledBody of(DownloadedReport report) {
    return new SpooledBody(report.request(), report.file(), report.charset(), report.json(), null);
  }

  /** A reader of the body from its first row; it waits for rows still to come. */
  ReportReader open() {
    if (growing == null) {
      return ReportReaders.open(file, charset, json, request.describe());
    }
    try {
      return new CsvReportReader(file, growing.body().open(), charset, request.describe());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open spool file " + file, e);
    }
  }

  /** Waits until the whole body is in {@code file}; throws the download's failure if it failed. */
  void awaitComplete() {
    if (growing != null) {
      growing.await();
    }
  }
}
