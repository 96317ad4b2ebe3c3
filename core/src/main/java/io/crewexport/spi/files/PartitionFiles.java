package io.crewexport.spi.files;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one file into a partition folder under a staging name and publishes it by rename,
 * replacing the files an earlier export left there.
 *
 * <p>Published files are named {@code part-<run><suffix>}; staging files start with a dot and end
 * in {@code .staging}, so neither Hive-style readers nor a glob such as {@code **}{@code
 * /*.parquet} ever see them. Publishing moves the old files aside, renames the staged file into
 * place, then deletes the old ones: a reader sees the old file or the new one, never both and never
 * half of one (on stores with atomic rename; see the README for object stores).
 *
 * <pre>{@code
 * PartitionFiles files = new PartitionFiles(store, folder, ".parquet", runId);
 * try (OutputStream out = files.openStaging()) { ... }
 * String published = files.publish();
 * }</pre>
 */
public final class PartitionFiles {
  private static final Logger log = LoggerFactory.getLogger(PartitionFiles.class);
  private static final String STAGING = ".staging";
  private static final String REPLACED = ".replaced";

  private final FileStore store;
  private final String folder;
  private final String suffix;
  private final String runId;

  /**
   * @param store the file system
   * @param folder the partition folder
   * @param suffix the published file's ending, such as {@code .parquet} or {@code .csv.gz}
   * @param runId the run's id, which names the published file
   */
  public PartitionFiles(FileStore store, String folder, String suffix, String runId) {
    this.store = requireNonNull(store, "store");
    this.folder = requireNonNull(folder, "folder");
    this.suffix = requireNonNull(suffix, "suffix");
    this.runId = requireNonNull(runId, "runId");
  }

  /** The file store. */
  public FileStore store() {
    return store;
  }

  /** The partition folder. */
  public String folder() {
    return folder;
  }

  /** The name the file is published under. */
  public String publishedName() {
    return "part-" + runId + suffix;
  }

  /** The path of the staging file. */
  public String stagingPath() {
    return store.join(folder, "." + publishedName() + STAGING);
  }

  /** Removes leftovers of earlier failed runs, then opens the staging file. */
  public OutputStream openStaging() throws IOException {
    removeLeftovers();
    return store.create(stagingPath());
  }

  /**
   * Publishes the staging file, replacing every published file of an earlier export in the folder.
   *
   * @return the path of the published file
   */
  public String publish() throws IOException {
    List<String> replaced = moveAsideOldFiles();
    String published = store.join(folder, publishedName());
    try {
      store.rename(stagingPath(), published);
    } catch (IOException e) {
      restore(replaced);
      throw e;
    }
    for (String old : replaced) {
      store.delete(old);
    }
    return published;
  }

  /** Deletes the staging file; the published files stay as they were. */
  public void discard() throws IOException {
    store.delete(stagingPath());
  }

  /**
   * Whether {@code name} is a published data file. Any suffix counts, so a file written with other
   * options ({@code .csv} before {@code .csv.gz}, say) is replaced too: each sink owns its folders.
   */
  public boolean isPublished(String name) {
    return name.startsWith("part-");
  }

  private List<String> moveAsideOldFiles() throws IOException {
    List<String> moved = new ArrayList<>();
    for (String name : store.list(folder)) {
      if (isPublished(name)) {
        String aside = store.join(folder, "." + name + REPLACED);
        store.rename(store.join(folder, name), aside);
        moved.add(aside);
      }
    }
    return moved;
  }

  private void restore(List<String> moved) {
    for (String aside : moved) {
      String name = aside.substring(aside.lastIndexOf('/') + 2, aside.length() - REPLACED.length());
      try {
        store.rename(aside, store.join(folder, name));
      } catch (IOException e) {
        log.error("Could not restore {} after a failed publish: rename it back by hand", aside, e);
      }
    }
  }

  /**
   * Deletes staging files of earlier runs. Old files moved aside by a publish that was killed
   * half-way are put back if nothing replaced them, else deleted.
   */
  private void removeLeftovers() throws IOException {
    List<String> names = store.list(folder);
    List<String> aside = new ArrayList<>();
    for (String name : names) {
      if (name.startsWith(".") && name.endsWith(STAGING)) {
        store.delete(store.join(folder, name));
      } else if (name.startsWith(".") && name.endsWith(REPLACED)) {
        aside.add(store.join(folder, name));
      }
    }
    if (names.stream().anyMatch(this::isPublished)) {
      for (String path : aside) {
        store.delete(path);
      }
    } else {
      restore(aside);
    }
  }
}
