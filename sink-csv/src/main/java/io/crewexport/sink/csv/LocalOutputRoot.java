package io.crewexport.sink.csv;

import io.crewexport.CrewexportException;
import io.crewexport.ErrorCode;
import io.crewexport.spi.ExportTarget;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/** Turns an output root, a local path or a {@code file:} URI, into an absolute local path. */
final class LocalOutputRoot {
  // Two letters at least, so a Windows drive such as C: is not taken for a scheme.
  private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]+:.*");

  private LocalOutputRoot() {}

  /** The output root of {@code target} as an absolute local path. */
  static Path resolve(ExportTarget target) {
    String root = target.outputRoot();
    try {
      if (root.regionMatches(true, 0, "file:", 0, 5)) {
        return Path.of(new URI(root)).toAbsolutePath();
      }
      if (SCHEME.matcher(root).matches()) {
        throw notLocal(target, "it names another file system");
      }
      return Path.of(root).toAbsolutePath();
    } catch (URISyntaxException | IllegalArgumentException e) {
      // IllegalArgumentException covers InvalidPathException and URIs that name no local file.
      throw notLocal(target, e.getMessage());
    }
  }

  private static CrewexportException notLocal(ExportTarget target, String reason) {
    return new CrewexportException(
        ErrorCode.CONFIGURATION,
        "The csv sink cannot write "
            + target.describe()
            + " under '"
            + target.outputRoot()
            + "' ("
            + reason
            + "): it writes to local folders only. Give a local folder or a file: URI such as"
            + " file:///data/lake (spaces as %20), or use the parquet sink for hdfs://"
            + " and s3a://.");
  }
}
