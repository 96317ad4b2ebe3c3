package io.crewexport.runner.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Optional;

/** The two body formats a download can ask for with {@code contentType}. */
enum ReportFormat {
  CSV("text/csv; charset=utf-8") {
    @Override
    void write(DemoReport report, OutputStream out) throws IOException {
      report.writeCsv(out);
    }
  },
  JSON("application/json") {
    @Override
    void write(DemoReport report, OutputStream out) throws IOException {
      JsonRowWriter.write(report, out);
    }
  };

  private final String mediaType;

  ReportFormat(String mediaType) {
    this.mediaType = mediaType;
  }

  /** The value of the response's {@code Content-Type} header. */
  String mediaType() {
    return mediaType;
  }

  /** Streams {@code report} in this format to {@code out}, flushing but not closing it. */
  abstract void write(DemoReport report, OutputStream out) throws IOException;

  /** Finds the format named by a request's {@code contentType}, in any case. */
  static Optional<ReportFormat> fromWireName(String name) {
    try {
      return Optional.of(valueOf(name.toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
