package io.crewexport.runner.faults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk under the output, through the packaged jar, made full in two ways; either way each
 * sink must fail on its own export, naming the cause, keep the clean export intact, and commit once
 * there is room (see {@link FullDiskExports}):
 *
 * <ul>
 *   <li>the lake on a small tmpfs, filled up: the operating system's own "No space left on device".
 *       It needs {@code mount}, which only root may do, so it is skipped elsewhere;
 *   <li>on every machine, no mount, no root: each export's sink followed by the {@code full-disk}
 *       plugin sink (as {@code full-disk-<sink>}) ({@link FullDiskSinkModule}), which keeps the
 *       process's files from growing by a byte while the sink writes and commits, so the system
 *       refuses the writes with "File too large". It never tries to mount, so a machine that can
 *       mount runs both.
 * </ul>
 */
final class DiskFullIT {
  @TempDir static Path shared;
  private static FaultServer server;
  private static FullDiskExports clean;

  @TempDir Path folder;

  @BeforeAll
  static void exportOnceCleanly() throws Exception {
    server = FaultServer.start();
    clean = FullDiskExports.exportCleanly(server, shared);
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
  }

  @Test
  void onAFullTmpfsEverySinkFailsCleanlyAndCommitsOnceThereIsRoom() throws Exception {
    Path mount = Files.createDirectory(folder.resolve("disk"));
    Assumptions.assumeTrue(
        Folders.mountTmpfs(mount, 8),
        "mount -t tmpfs is not allowed here (run the tests as root); the file size limit runs");
    try {
      FullDiskExports exports = clean.copy(mount.resolve("lake"), folder);
      Path filler = Folders.fill(mount);

      exports.exportFailsOnAFullDisk(List::of, "No space left on device");

      Files.delete(filler);
      exports.exportCommitsOnceThereIsRoom();
    } finally {
      Folders.unmount(mount);
    }
  }

  @Test
  void underAFileSizeLimitEverySinkFailsCleanlyAndCommitsOnceItIsLifted() throws Exception {
    Path plugins = PluginJars.fullDisk(folder.resolve("plugins"));
    FullDiskExports exports = clean.copy(folder.resolve("lake"), folder);

    exports.exportFailsOnAFullDisk(
        sink -> List.of(sink, "full-disk-" + sink),
        "File too large",
        "--plugins",
        plugins.toString());

    exports.exportCommitsOnceThereIsRoom();
  }
}
