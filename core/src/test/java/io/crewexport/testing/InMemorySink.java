package io.crewexport.testing;

import io.crewexport.Period;
import io.crewexport.schema.ReportSchema;
import io.crewexport.spi.AbstractSinkWriter;
import io.crewexport.spi.ExportTarget;
import io.crewexport.spi.PeriodReplacement;
import io.crewexport.spi.ReportSink;
import io.crewexport.spi.Row;
import io.crewexport.spi.SinkResult;
import io.crewexport.spi.SinkWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A sink that keeps committed exports in memory, by report and partition: the reference for the
 * sink contract and a fake for pipeline tests. It replaces stored exports as {@link
 * PeriodReplacement} says, and can be told to fail at a given row.
 */
public final class InMemorySink implements ReportSink {
  /** One committed export; {@code period} is null for a snapshot. */
  public record Export(ReportSchema schema, Period period, List<Row> rows) {}

  private final Map<String, Export> committed = new ConcurrentHashMap<>();
  private final AtomicInteger opened = new AtomicInteger();
  private volatile long failAtRow = -1;

  @Override
  public String name() {
    return "memory";
  }

  /** Makes every later writer throw when asked to write row {@code row} (counting from 1). */
  public void failAtRow(long row) {
    this.failAtRow = row;
  }

  /** The committed export of {@code reportId} in partition {@code partitionPath}, or null. */
  public Export committed(String reportId, String partitionPath) {
    return committed.get(key(reportId, partitionPath));
  }

  /** Every committed row of {@code reportId}, all partitions, in no particular order. */
  public List<Row> rows(String reportId) {
    List<Row> rows = new ArrayList<>();
    committed.forEach(
        (key, export) -> {
          if (key.startsWith(reportId + "/")) {
            rows.addAll(export.rows());
          }
        });
    return rows;
  }

  /** How many partitions are committed. */
  public int partitions() {
    return committed.size();
  }

  /** How many writers were opened, committed or not. */
  public int opened() {
    return opened.get();
  }

  @Override
  public SinkWriter open(ReportSchema schema, ExportTarget target) {
    opened.incrementAndGet();
    String key = key(target.reportId(), target.partitionPath());
    PeriodReplacement.requireNoConflict(name(), target, periods(target.reportId()));
    List<Row> staged = new ArrayList<>();
    return new AbstractSinkWriter() {
      @Override
      protected void append(Row row) {
        if (rowsWritten() + 1 == failAtRow) {
          throw new IllegalStateException("injected failure at row " + failAtRow);
        }
        row.requireFits(schema);
        staged.add(row);
      }

      @Override
      protected SinkResult publish(long rows) {
        committed
            .entrySet()
            .removeIf(
                entry ->
                    entry.getKey().startsWith(target.reportId() + "/")
                        && entry.getValue().period() != null
                        && PeriodReplacement.replaces(target, entry.getValue().period()));
        committed.put(key, new Export(schema, target.period(), List.copyOf(staged)));
        return new SinkResult(rows, "memory:" + key, List.of(), "-- in memory");
      }

      @Override
      protected void discard() {
        staged.clear();
      }
    };
  }

  private List<Period> periods(String reportId) {
    return committed.entrySet().stream()
        .filter(entry -> entry.getKey().startsWith(reportId + "/"))
        .map(entry -> entry.getValue().period())
        .filter(Objects::nonNull)
        .toList();
  }

  private static String key(String reportId, String partitionPath) {
    return reportId + "/" + partitionPath;
  }
}
