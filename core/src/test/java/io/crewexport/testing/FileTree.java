package io.crewexport.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Looks at the files a file sink left on the local disk, hidden staging files included. */
public final class FileTree {
  private FileTree() {}

  /** Every regular file below {@code folder}, in path order; empty if the folder is absent. */
  public static List<Path> files(Path folder) {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      return paths.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Every file below {@code folder} by its path relative to the folder, with the SHA-256 of its
   * bytes: two snapshots are equal when no file appeared, vanished or changed a byte.
   */
  public static Map<String, String> snapshot(Path folder) {
    Map<String, String> digests = new TreeMap<>();
    for (Path file : files(folder)) {
      digests.put(folder.relativize(file).toString(), sha256(file));
    }
    return digests;
  }

  private static String sha256(Path file) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
