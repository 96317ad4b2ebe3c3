package io.crewexport.spi.files;

import static java.util.Objects.requireNonNull;

import io.crewexport.CrewexportException;
import io.crewexport.ErrorCode;
import io.crewexport.spi.ExportTarget;
import io.crewexport.spi.PeriodReplacement;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one export's file into its partition folder under a staging name and publishes it,
 * replacing the files of the same partition and of every partition whose period lies inside the
 * export's own (see {@link PeriodReplacement}).
 *
 * <p>Published files are named {@code part-<run><suffix>}; staging files start with a dot and end
 * in {@code .staging}, so neither Hive-style readers nor a glob such as {@code **}{@code
 * /*.parquet} ever see them. Publishing renames the replaced files to hidden names, renames the
 * staged file into place, then deletes the replaced ones and the folders they leave empty. Where
 * renames are atomic (local disks, HDFS) a reader never sees half a file, nor an old file beside
 * the new one; while the renames run (one request each) it may see some replaced files gone and the
 * new one not yet there. Leftovers of runs killed half-way are cleaned up by the next export of the
 * report (see {@link Leftovers}).
 *
 * <p>Object stores have no atomic rename (S3A renames by copying), but show a file only once its
 * upload is complete and can abort an upload unseen ({@link FileStore#publishesOnClose()}). There
 * the file is written under its final name directly: it appears, whole, when the writer closes it,
 * and publishing then deletes the files it replaces. So for the few requests those deletes take a
 * reader may see the old files and the new one together, and count rows twice, but never half a
 * file and never none. A run killed between the two leaves both until the next export of the
 * period; a run killed during the upload leaves an incomplete multipart upload, which S3 keeps,
 * unseen, until a lifecycle rule or {@code fs.s3a.multipart.purge} removes it. If a delete fails,
 * the commit fails with the new file already visible beside some old ones; the next export of the
 * period removes those.
 *
 * <pre>{@code
 * PartitionFiles files = new PartitionFiles(store, reportFolder, target, ".parquet", "parquet");
 * try (OutputStream out = files.openStaging()) { ... }
 * String published = files.publish();
 * }</pre>
 */
public final class PartitionFiles {
  private static final Logger log = LoggerFactory.getLogger(PartitionFiles.class);

  private final FileStore store;
  private final String reportFolder;
  private final ExportTarget target;
  private final String suffix;
  private final String sinkName;

  /**
   * @param store the file system
   * @param reportFolder the report's folder, which holds its partition folders
   * @param target the export
   * @param suffix the published file's ending, such as {@code .parquet} or {@code .csv.gz}
   * @param sinkName the sink's name, for messages
   */
  public PartitionFiles(
      FileStore store, String reportFolder, ExportTarget target, String suffix, String sinkName) {
    this.store = requireNonNull(store, "store");
    this.reportFolder = requireNonNull(reportFolder, "reportFolder");
    this.target = requireNonNull(target, "target");
    this.suffix = requireNonNull(suffix, "suffix");
    this.sinkName = requireNonNull(sinkName, "sinkName");
  }

  public FileStore store() {
    return store;
  }

  public ExportTarget target() {
    return target;
  }

  public String sinkName() {
    return sinkName;
  }

  /** The partition folder. */
  public String folder() {
    return store.join(reportFolder, target.partitionPath());
  }

  /** The name the file is published under. */
  public String publishedName() {
    return "part-" + target.runId() + suffix;
  }

  /** The path of the file being written: a hidden staging name, or the final one. */
  public String stagingPath() {
    String name =
        store.publishesOnClose() ? publishedName() : Leftovers.stagingName(publishedName());
    return store.join(folder(), name);
  }

  /**
   * Cleans up leftovers of killed runs, refuses the export if a stored period conflicts with its
   * own, then opens the staging file.
   *
   * @throws io.crewexport.CrewexportException {@code CONFIGURATION} for a conflicting period
   */
  public OutputStream openStaging() throws IOException {
    ReportTree tree = ReportTree.read(store, reportFolder);
    Leftovers.clean(store, reportFolder, tree, target.runId());
    PeriodReplacement.requireNoConflict(sinkName, target, tree.publishedPeriods());
    return store.create(stagingPath());
  }

  /**
   * Publishes the closed staging file, replacing the published files of this partition and of the
   * partitions inside its period.
   *
   * @return the path of the published file
   * @throws IOException if publishing failed; the earlier files are in place then
   * @throws io.crewexport.CrewexportException {@code SINK_FAILED} if, on an object store, a
   *     replaced file could not be deleted after the new one became visible
   */
  public String publish() throws IOException {
    List<ReportTree.Partition> replaced = replacedPartitions(ReportTree.read(store, reportFolder));
    String published = store.join(folder(), publishedName());
    if (store.publishesOnClose()) {
      deleteBeside(replaced, published);
    } else {
      deleteQuietly(renameIntoPlace(replaced, published));
    }
    removeEmptyFolders(replaced);
    return published;
  }

  /**
   * Deletes the staging file; the published files stay as they were. Where files are written under
   * their final name, the abandoned stream left nothing to delete, and the name may be an earlier
   * export's.
   */
  public void discard() throws IOException {
    if (!store.publishesOnClose()) {
      store.delete(stagingPath());
    }
  }

  /** Sets the replaced files aside, renames the staging file into place; undoes all on failure. */
  private List<String> renameIntoPlace(List<ReportTree.Partition> replaced, String published)
      throws IOException {
    List<String> aside = new ArrayList<>();
    try {
      for (ReportTree.Partition partition : replaced) {
        String folder = store.join(reportFolder, partition.path());
        for (String name : partition.published()) {
          String path = store.join(folder, Leftovers.asideName(name, target.runId()));
          store.rename(store.join(folder, name), path);
          aside.add(path);
        }
      }
      store.rename(stagingPath(), published);
      return aside;
    } catch (IOException e) {
      aside.forEach(path -> Leftovers.restore(store, path));
      throw e;
    }
  }

  // The export is published by now: hidden files left behind only take space, and the next export
  // of the report removes them.
  private void deleteQuietly(List<String> aside) {
    for (String path : aside) {
      try {
        store.delete(path);
      } catch (IOException e) {
        log.warn("Could not delete {}, which the next export removes: {}", path, e.toString());
      }
    }
  }

  /** Deletes the replaced files but the one just written, which is visible already. */
  private void deleteBeside(List<ReportTree.Partition> replaced, String published) {
    for (ReportTree.Partition partition : replaced) {
      for (String name : partition.published()) {
        String path = store.join(store.join(reportFolder, partition.path()), name);
        if (!path.equals(published)) {
          try {
            store.delete(path);
          } catch (IOException e) {
            throw new CrewexportException(
                ErrorCode.SINK_FAILED,
                "The "
                    + sinkName
                    + " sink published "
                    + published
                    + " for "
                    + target.describe()
                    + " but could not delete "
                    + path
                    + ", which it replaces ("
                    + e
                    + "): until that file is gone, readers count its rows beside the new ones."
                    + " Delete it, or export the period again.",
                e);
          }
        }
      }
    }
  }

  private List<ReportTree.Partition> replacedPartitions(ReportTree tree) {
    return tree.partitions().stream()
        .filter(
            partition ->
                partition.path().equals(target.partitionPath())
                    || partition
                        .period()
                        .map(period -> PeriodReplacement.replaces(target, period))
                        .orElse(false))
        .toList();
  }

  /**
   * Removes the folders of replaced partitions, {@code end_date=...} then {@code start_date=...}.
   */
  private void removeEmptyFolders(List<ReportTree.Partition> replaced) throws IOException {
    for (ReportTree.Partition partition : replaced) {
      String path = partition.path();
      while (!path.isEmpty() && !path.equals(target.partitionPath())) {
        store.deleteEmptyFolder(store.join(reportFolder, path));
        int slash = path.lastIndexOf('/');
        path = slash < 0 ? "" : path.substring(0, slash);
      }
    }
  }
}
