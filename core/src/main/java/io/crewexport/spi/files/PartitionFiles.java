package io.crewexport.spi.files;

import static java.util.Objects.requireNonNull;

import io.crewexport.CrewexportException;
import io.crewexport.ErrorCode;
import io.crewexport.spi.ExportTarget;
import io.crewexport.spi.PeriodReplacement;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
 * <p>An export may publish more than its own file in the same commit ({@link #publish(List)}): a
 * sidecar, and files of other partitions rewritten with wider types (see {@link Widening}). All are
 * staged first; publishing sets aside every file they replace, renames the others into place and
 * its own file last. On stores with atomic rename a reader sees, per file, the old or the new one;
 * during the renames it may see some partitions rewritten and others not yet. On object stores a
 * rewritten file becomes visible when its upload completes, during the commit, beside the file it
 * replaces until the commit deletes that one: for that time a reader counts the partition's rows
 * twice, and a run killed in between leaves both until the partition is exported again.
 *
 * <pre>{@code
 * PartitionFiles files = new PartitionFiles(store, reportFolder, target, ".parquet", "parquet");
 * try (OutputStream out = files.openStaging()) { ... }
 * String published = files.publish();
 * }</pre>
 */
public final class PartitionFiles {
  private static final Logger log = LoggerFactory.getLogger(PartitionFiles.class);

  /**
   * Files an export staged beside its own file, published in the same commit: a sidecar, or an
   * earlier partition's file rewritten with wider types.
   *
   * @param partitionPath the folder, relative to the report folder
   * @param names the published names of the staged files, in the order they are renamed into place
   * @param replaces the published files of that folder they replace
   */
  public record Staged(String partitionPath, List<String> names, List<String> replaces) {
    public Staged {
      requireNonNull(partitionPath, "partitionPath");
      names = List.copyOf(names);
      replaces = List.copyOf(replaces);
    }
  }

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

  /** The report's folder, which holds its partition folders. */
  public String reportFolder() {
    return reportFolder;
  }

  /** The ending of published data files. */
  public String suffix() {
    return suffix;
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
    return stagingPath(target.partitionPath(), publishedName());
  }

  /** The path a file published as {@code name} in {@code partitionPath} is written under. */
  public String stagingPath(String partitionPath, String name) {
    String staged = store.publishesOnClose() ? name : Leftovers.stagingName(name);
    return store.join(store.join(reportFolder, partitionPath), staged);
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
    return publish(List.of());
  }

  /**
   * Publishes the closed staging file as {@link #publish()} does, together with {@code others},
   * which replace the files they name. Its own file is renamed into place last, so a run killed
   * before that left its staging file and {@link Leftovers} undoes the rest.
   */
  public String publish(List<Staged> others) throws IOException {
    List<ReportTree.Partition> replaced = replacedPartitions(ReportTree.read(store, reportFolder));
    List<String> replacedPaths = new ArrayList<>();
    for (ReportTree.Partition partition : replaced) {
      String folder = store.join(reportFolder, partition.path());
      partition.published().forEach(name -> replacedPaths.add(store.join(folder, name)));
    }
    List<String[]> moves = new ArrayList<>();
    for (Staged staged : others) {
      String folder = store.join(reportFolder, staged.partitionPath());
      staged.replaces().forEach(name -> replacedPaths.add(store.join(folder, name)));
      for (String name : staged.names()) {
        moves.add(
            new String[] {stagingPath(staged.partitionPath(), name), store.join(folder, name)});
      }
    }
    String published = store.join(folder(), publishedName());
    moves.add(new String[] {stagingPath(), published});
    if (store.publishesOnClose()) {
      Set<String> written = new HashSet<>();
      moves.forEach(move -> written.add(move[1]));
      deleteBeside(replacedPaths, written, published);
    } else {
      deleteQuietly(renameIntoPlace(replacedPaths, moves));
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

  /**
   * Deletes files staged beside this export's own. Where files are written under their final name
   * these are visible already, and are deleted too.
   */
  public void discard(List<Staged> others) throws IOException {
    for (Staged staged : others) {
      for (String name : staged.names()) {
        store.delete(stagingPath(staged.partitionPath(), name));
      }
    }
  }

  /** Sets the replaced files aside, renames the staged files into place; undoes all on failure. */
  private List<String> renameIntoPlace(List<String> replaced, List<String[]> moves)
      throws IOException {
    List<String> aside = new ArrayList<>();
    List<String> placed = new ArrayList<>();
    try {
      for (String path : replaced) {
        int slash = path.lastIndexOf('/');
        String hidden =
            store.join(
                path.substring(0, slash),
                Leftovers.asideName(path.substring(slash + 1), target.runId()));
        store.rename(path, hidden);
        aside.add(hidden);
      }
      for (String[] move : moves) {
        store.rename(move[0], move[1]);
        placed.add(move[1]);
      }
      return aside;
    } catch (IOException e) {
      for (String path : placed) {
        try {
          store.delete(path);
        } catch (IOException cleanup) {
          e.addSuppressed(cleanup);
        }
      }
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

  /** Deletes the replaced files but those just written, which is visible already. */
  private void deleteBeside(List<String> replaced, Set<String> written, String published) {
    for (String path : replaced) {
      if (!written.contains(path)) {
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

  private List<ReportTree.Partition> replacedPartitions(ReportTree tree) {
    return tree.partitions().stream().filter(this::replaces).toList();
  }

  /** Whether publishing replaces the files of {@code partition}. */
  boolean replaces(ReportTree.Partition partition) {
    return partition.path().equals(target.partitionPath())
        || partition
            .period()
            .map(period -> PeriodReplacement.replaces(target, period))
            .orElse(false);
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
