package io.crewexport.spi.files;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hidden files of the publishing protocol, and how an export cleans up those that killed runs
 * left behind.
 *
 * <p>A run stages {@code .part-<run><suffix>.staging}; publishing renames each file it replaces to
 * {@code .<name>.replaced-by-<run>}, renames the staging file into place, then deletes the renamed
 * ones. So a run killed while publishing left its staging file if and only if it had not yet
 * published: its renamed files are then put back, else deleted. Files of the current run are never
 * touched, so exports of one run may run side by side.
 *
 * <p>An export that rewrites earlier partitions (see {@link Widening}) stages several files and
 * renames its own data file into place last. Its staging file left behind therefore also means that
 * the files it already renamed into place must go: the {@code part-<run>...} files in the folders
 * where it left a staging file or set files aside. Files the same run published in other folders,
 * by exports that committed, stay.
 */
final class Leftovers {
  private static final Logger log = LoggerFactory.getLogger(Leftovers.class);
  private static final String STAGED = ".part-";
  private static final String PUBLISHED = "part-";
  private static final String STAGING = ".staging";
  private static final String REPLACED_BY = ".replaced-by-";

  private Leftovers() {}

  /** The staging name of a file published as {@code publishedName}. */
  static String stagingName(String publishedName) {
    return "." + publishedName + STAGING;
  }

  /** The name a published file {@code name} has while run {@code runId} replaces it. */
  static String asideName(String name, String runId) {
    return "." + name + REPLACED_BY + runId;
  }

  /** The name a file set aside as {@code aside} had. */
  static String originalName(String aside) {
    return aside.substring(1, aside.lastIndexOf(REPLACED_BY));
  }

  /** Cleans up what runs other than {@code runId} left below {@code reportFolder}. */
  static void clean(FileStore store, String reportFolder, ReportTree tree, String runId)
      throws IOException {
    Set<String> unpublishedRuns = new HashSet<>();
    List<String> staging = new ArrayList<>();
    List<String> aside = new ArrayList<>();
    List<String> published = new ArrayList<>();
    Set<String> touched = new HashSet<>();
    for (ReportTree.Partition partition : tree.partitions()) {
      String folder = store.join(reportFolder, partition.path());
      for (String name : partition.names()) {
        if (isStaging(name) && !stagedBy(name).equals(runId)) {
          unpublishedRuns.add(stagedBy(name));
          staging.add(store.join(folder, name));
          touched.add(store.join(folder, stagedBy(name)));
        } else if (isAside(name) && !replacedBy(name).equals(runId)) {
          aside.add(store.join(folder, name));
          touched.add(store.join(folder, replacedBy(name)));
        } else if (name.startsWith(PUBLISHED) && !runOf(name).equals(runId)) {
          published.add(store.join(folder, name));
        }
      }
    }
    // Half-published files go before the files they replaced come back: a reader may miss rows
    // for a moment but never counts any twice.
    for (String path : published) {
      int slash = path.lastIndexOf('/');
      String run = runOf(path.substring(slash + 1));
      if (unpublishedRuns.contains(run)
          && touched.contains(store.join(path.substring(0, slash), run))) {
        store.delete(path);
      }
    }
    for (String path : aside) {
      String name = path.substring(path.lastIndexOf('/') + 1);
      if (unpublishedRuns.contains(replacedBy(name))) {
        restore(store, path);
      } else {
        store.delete(path);
      }
    }
    for (String path : staging) {
      store.delete(path);
    }
  }

  /** Renames a file set aside back to its name; logs what the user must do if that fails. */
  static void restore(FileStore store, String asidePath) {
    int slash = asidePath.lastIndexOf('/');
    String original =
        store.join(asidePath.substring(0, slash), originalName(asidePath.substring(slash + 1)));
    try {
      store.rename(asidePath, original);
      log.info("Put back {}, which an unfinished export had set aside", original);
    } catch (IOException e) {
      log.error("Could not put back {}: rename {} to it by hand", original, asidePath, e);
    }
  }

  private static boolean isStaging(String name) {
    return name.startsWith(STAGED) && name.endsWith(STAGING);
  }

  private static boolean isAside(String name) {
    return name.startsWith(".") && name.contains(REPLACED_BY);
  }

  // Run ids hold no dot, so the run ends where the file's ending starts.
  private static String stagedBy(String stagingName) {
    int end = stagingName.indexOf('.', STAGED.length());
    return stagingName.substring(STAGED.length(), end);
  }

  private static String runOf(String publishedName) {
    int end = publishedName.indexOf('.', PUBLISHED.length());
    return publishedName.substring(PUBLISHED.length(), end < 0 ? publishedName.length() : end);
  }

  private static String replacedBy(String asideName) {
    return asideName.substring(asideName.lastIndexOf(REPLACED_BY) + REPLACED_BY.length());
  }
}
