package io.crewexport.runner.faults;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Folder chores of the fault tests: copying a clean export, filling a disk, a tmpfs mount. */
final class Folders {
  private Folders() {}

  /** Copies the tree {@code from} to {@code to}. */
  static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path source : walk.toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
  }

  /** Fills the file system holding {@code folder} with {@code folder/filler} until it is full. */
  static Path fill(Path folder) throws IOException {
    Path filler = folder.resolve("filler");
    byte[] block = new byte[4096];
    try (OutputStream out = Files.newOutputStream(filler)) {
      for (int i = 0; i < 1 << 20; i++) {
        out.write(block);
        out.flush();
      }
      throw new IllegalStateException("the file system of " + folder + " never filled up");
    } catch (IOException e) {
      if (!String.valueOf(e.getMessage()).contains("No space left")) {
        throw e;
      }
    }
    return filler;
  }

  /** Mounts a tmpfs of {@code megabytes} on {@code folder}; false if this machine forbids it. */
  static boolean mountTmpfs(Path folder, int megabytes) throws IOException, InterruptedException {
    Files.createDirectories(folder);
    return command(
        "mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m", "tmpfs", folder.toString());
  }

  /** Unmounts {@code folder}, lazily, so a file still open cannot keep the mount. */
  static void unmount(Path folder) throws IOException, InterruptedException {
    command("umount", "-l", folder.toString());
  }

  private static boolean command(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
    process.getInputStream().transferTo(OutputStream.nullOutputStream());
    return process.waitFor() == 0;
  }
}
