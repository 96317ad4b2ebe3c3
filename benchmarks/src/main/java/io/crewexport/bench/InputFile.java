package io.crewexport.bench;

import io.crewexport.runner.demo.GeneratedReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The CSV file every run reads: one the user gave, or the demo's generated people report (the
 * vendor sample's 31 columns, quoted commas and line breaks, empty cells, {@code 0} dates,
 * non-ASCII names), made once per row count and seed and kept in the work folder.
 *
 * @param file the CSV file
 * @param bytes its size
 * @param generatedSeconds how long generating it took, or 0 when it existed
 */
record InputFile(Path file, long bytes, double generatedSeconds) {

  /** The file the user named. */
  static InputFile given(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IOException("--file " + file + " is not a file");
    }
    return new InputFile(file.toAbsolutePath(), Files.size(file), 0);
  }

  /** The generated report of {@code rows} rows, generating it if the work folder lacks it. */
  static InputFile generated(Path work, long rows, long seed) throws IOException {
    Path file = work.resolve("people-" + rows + "-seed" + seed + ".csv");
    if (Files.isRegularFile(file)) {
      return new InputFile(file, Files.size(file), 0);
    }
    Files.createDirectories(work);
    // Written under another name and renamed, so an interrupted run leaves no partial file to
    // reuse.
    Path partial = work.resolve(file.getFileName() + ".partial");
    long start = System.nanoTime();
    GeneratedReport.writeCsv(partial, rows, seed);
    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
    return new InputFile(file, Files.size(file), (System.nanoTime() - start) / 1e9);
  }

  /** Megabytes (10^6 bytes) per second of this file read in {@code seconds}. */
  double megabytesPerSecond(double seconds) {
    return bytes / 1e6 / seconds;
  }
}
