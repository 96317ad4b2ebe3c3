package io.crewexport.spi.files;

import io.crewexport.Period;
import io.crewexport.schema.ReportSchema;
import io.crewexport.spi.ExportTarget;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stages, for each earlier partition of a report that an export does not replace, one file that
 * holds the rows of its files written with narrower types or fewer columns, converted by {@link
 * Widening}; {@link PartitionFiles#publish(List)} then publishes them with the export. Rows stream
 * through one at a time, so memory stays bounded by the format's own buffers (one Parquet row
 * group).
 */
final class PartitionRewriter {
  private static final Logger log = LoggerFactory.getLogger(PartitionRewriter.class);

  private final PartitionFiles files;
  private final RewritableFormat format;
  private final ReportSchema schema;

  PartitionRewriter(PartitionFiles files, RewritableFormat format, ReportSchema schema) {
    this.files = files;
    this.format = format;
    this.schema = schema;
  }

  /**
   * Stages the rewritten files, adding each to {@code staged} as soon as it is created, so the
   * caller can delete them all if this or publishing fails.
   */
  void stage(List<PartitionFiles.Staged> staged) throws IOException {
    FileStore store = files.store();
    for (ReportTree.Partition partition :
        ReportTree.read(store, files.reportFolder()).partitions()) {
      if (files.replaces(partition)) {
        continue;
      }
      String folder = store.join(files.reportFolder(), partition.path());
      List<String> narrow = new ArrayList<>();
      List<StoredFile> stored = new ArrayList<>();
      for (String name : partition.published()) {
        if (!name.endsWith(files.suffix())) {
          continue;
        }
        Optional<StoredFile> file = format.describe(store.join(folder, name));
        if (file.isEmpty()) {
          log.warn(
              "Cannot tell the column types of {}, so it keeps them; it may not read together"
                  + " with {}",
              store.join(folder, name),
              files.target().describe());
        } else if (Widening.between(file.get().schema(), schema) != null) {
          narrow.add(name);
          stored.add(file.get());
        }
      }
      if (!narrow.isEmpty()) {
        stage(partition, narrow, stored, staged);
      }
    }
  }

  private void stage(
      ReportTree.Partition partition,
      List<String> narrow,
      List<StoredFile> stored,
      List<PartitionFiles.Staged> staged)
      throws IOException {
    FileStore store = files.store();
    String folder = store.join(files.reportFolder(), partition.path());
    String name = files.publishedName();
    Optional<String> sidecar = format.sidecarSuffix().map(suffix -> name + suffix);
    List<String> names = new ArrayList<>();
    sidecar.ifPresent(names::add);
    names.add(name);
    staged.add(new PartitionFiles.Staged(partition.path(), names, replaced(partition, narrow)));
    ExportTarget target = targetOf(partition, stored);
    String stagingPath = files.stagingPath(partition.path(), name);
    log.info("Rewriting {} of {} with the wider types", narrow, target.describe());
    OutputStream out = store.create(stagingPath);
    RowFile file = null;
    try {
      file = format.start(new StagedFileWriter.FlushOnClose(out), stagingPath, schema, target);
      for (int i = 0; i < narrow.size(); i++) {
        Widening widening = Widening.between(stored.get(i).schema(), schema);
        RowFile into = file;
        format.read(
            store.join(folder, narrow.get(i)),
            stored.get(i),
            row -> into.write(widening.apply(row)));
      }
      file.finish();
      store.sync(out);
    } catch (IOException | RuntimeException e) {
      if (file != null) {
        file.release();
      }
      store.abandon(out);
      throw e;
    }
    out.close();
    if (sidecar.isPresent()) {
      writeWhole(
          store,
          files.stagingPath(partition.path(), sidecar.get()),
          format.sidecar(schema, target));
    }
  }

  /** Writes {@code bytes} as the durable file {@code path}; abandons it on failure. */
  static void writeWhole(FileStore store, String path, byte[] bytes) throws IOException {
    OutputStream out = store.create(path);
    try {
      out.write(bytes);
      store.sync(out);
    } catch (IOException | RuntimeException e) {
      store.abandon(out);
      throw e;
    }
    out.close();
  }

  /** The rewritten files and their sidecars: the names that start with theirs. */
  private static List<String> replaced(ReportTree.Partition partition, List<String> narrow) {
    return partition.published().stream()
        .filter(
            name ->
                narrow.stream().anyMatch(data -> name.equals(data) || name.startsWith(data + ".")))
        .toList();
  }

  /** The lineage of the rewritten file: the partition's period and its newest extraction. */
  private ExportTarget targetOf(ReportTree.Partition partition, List<StoredFile> stored) {
    ExportTarget export = files.target();
    Instant extractedAt =
        stored.stream().map(StoredFile::extractedAt).max(Instant::compareTo).orElseThrow();
    Period period = partition.period().orElse(null);
    return new ExportTarget(
        export.reportId(),
        period,
        export.runId(),
        extractedAt,
        export.outputRoot(),
        export.options());
  }
}
