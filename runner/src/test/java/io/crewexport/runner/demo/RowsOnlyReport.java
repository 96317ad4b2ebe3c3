package io.crewexport.runner.demo;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

/**
 * Another report's headings and rows under a new id, generated at once, written to CSV by the
 * interface's own writer, and of the given CSV length, if any.
 */
record RowsOnlyReport(String id, DemoReport source, OptionalLong csvLength) implements DemoReport {

  @Override
  public List<String> headings() {
    return source.headings();
  }

  @Override
  public Duration generationTime() {
    return Duration.ZERO;
  }

  @Override
  public void writeRows(RowSink sink) throws IOException {
    source.writeRows(sink);
  }
}
