package io.crewexport.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

final class BenchTest {
  @TempDir Path folder;

  @Test
  void deletesTheSpoolFilesThatAKilledRunLeftInTheWorkFolder() throws Exception {
    Path work = folder.resolve("work");
    Path spool = Files.createDirectories(work.resolve("spool"));
    // What a benchmark killed during its warm-up leaves: the copy it was downloading.
    Files.write(
        spool.resolve("crewexport-bench.warmup-16011409535699568760.spool"), new byte[4096]);
    Path notOurs = Files.writeString(spool.resolve("notes.txt"), "kept");
    Path csv = Files.writeString(folder.resolve("small.csv"), "a,b\n1,2\n");

    // The memory run skipped and only it selected: no run, only the server and its warm-up.
    int exit =
        new CommandLine(new Bench())
            .execute(
                "--file",
                csv.toString(),
                "--work",
                work.toString(),
                "--only",
                "memory",
                "--memory-bytes",
                "0");

    assertThat(exit).isZero();
    try (Stream<Path> left = Files.list(spool)) {
      assertThat(left).containsExactly(notOurs);
    }
  }
}
