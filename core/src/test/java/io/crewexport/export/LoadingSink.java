package io.crewexport.export;

import io.crewexport.schema.ReportSchema;
import io.crewexport.spi.AbstractSinkWriter;
import io.crewexport.spi.ExportTarget;
import io.crewexport.spi.ReportSink;
import io.crewexport.spi.Row;
import io.crewexport.spi.SinkResult;
import io.crewexport.spi.SinkWriter;
import io.crewexport.spi.SpooledCsv;
import io.crewexport.spi.SpooledCsvLoader;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** A sink whose writers answer a load as told, and count the rows they are sent instead. */
final class LoadingSink implements ReportSink {
  /** What a load answers. */
  @FunctionalInterface
  interface Load {
    OptionalLong load(SpooledCsv body);
  }

  final AtomicInteger opens = new AtomicInteger();
  final AtomicInteger loads = new AtomicInteger();
  final AtomicLong rowsWritten = new AtomicLong();
  volatile String loadThread;
  private final Load load;

  LoadingSink(Load load) {
    this.load = load;
  }

  @Override
  public String name() {
    return "loading";
  }

  @Override
  public SinkWriter open(ReportSchema schema, ExportTarget target) {
    opens.incrementAndGet();
    return new Writer();
  }

  private final class Writer extends AbstractSinkWriter implements SpooledCsvLoader {
    private long loaded;

    @Override
    public OptionalLong load(SpooledCsv body) {
      loads.incrementAndGet();
      loadThread = Thread.currentThread().getName();
      OptionalLong answer = load.load(body);
      loaded = answer.orElse(0);
      return answer;
    }

    @Override
    protected void append(Row row) {
      rowsWritten.incrementAndGet();
    }

    @Override
    protected SinkResult publish(long rows) {
      return new SinkResult(loaded + rows, "loading", List.of(), "--");
    }

    @Override
    protected void discard() {
      rowsWritten.set(0);
    }
  }
}
