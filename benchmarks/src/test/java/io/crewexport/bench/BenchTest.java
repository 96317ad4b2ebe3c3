package io.crewexport.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    int exit = runNothing(work);

    assertThat(exit).isZero();
    try (Stream<Path> left = Files.list(spool)) {
      assertThat(left).containsExactly(notOurs);
    }
  }

  @Test
  void endsAnEmptyFileWithItsMessageAndNoStackTrace() throws Exception {
    Path empty = Files.createFile(folder.resolve("empty.csv"));
    StringWriter err = new StringWriter();
    CommandLine command = BenchCommandLine.create();
    command.setErr(new PrintWriter(err, true));

    int exit =
        command.execute(
            "--file",
            empty.toString(),
            "--work",
            folder.resolve("work").toString(),
            "--only",
            "csv");

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString())
        .startsWith("crewexport-bench: " + empty + " is empty")
        .doesNotContain("\tat ");
  }

  @Test
  void makesTheJsonFolderBeforeAnyRun() throws Exception {
    Path json = folder.resolve("not").resolve("yet").resolve("results.json");

    int exit = runNothing(folder.resolve("work"), "--json", json.toString());

    assertThat(exit).isZero();
    assertThat(json).isRegularFile();
  }

  @Test
  void runsEachSideFirstInTurnAndComparesTheMedians() throws Exception {
    Path csv = Files.writeString(folder.resolve("small.csv"), "a,b\n1,x\n2,y\n3,z\n");
    Path json = folder.resolve("results.json");

    int exit =
        BenchCommandLine.create()
            .execute(
                "--file", csv.toString(),
                "--work", folder.resolve("work").toString(),
                "--json", json.toString(),
                "--only", "infer",
                "--rounds", "3");

    assertThat(exit).isZero();
    JsonNode report = Json.MAPPER.readTree(json.toFile());
    List<String> order = new ArrayList<>();
    report.get("runs").forEach(run -> order.add(run.get("run").asText()));
    assertThat(order)
        .containsExactly(
            "ours-infer-1", "fastcsv-1", "fastcsv-2", "ours-infer-2", "ours-infer-3", "fastcsv-3");
    JsonNode comparison = report.get("comparisons").get(0);
    assertThat(comparison.get("roundRatios")).hasSize(3);
    assertThat(comparison.get("ours").get("run").asText()).isEqualTo("ours-infer");
    assertThat(comparison.get("ours").get("rows").asLong()).isEqualTo(3);
  }

  @Test
  void refusesFewerThanOneRound() {
    StringWriter err = new StringWriter();
    CommandLine command = BenchCommandLine.create();
    command.setErr(new PrintWriter(err, true));

    int exit = command.execute("--rounds", "0", "--work", folder.resolve("work").toString());

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("--rounds must be at least 1: 0");
    assertThat(folder.resolve("work")).doesNotExist();
  }

  /**
   * The benchmark over a small file with only the memory run selected and that run skipped: the
   * server starts and stops, and nothing is timed.
   */
  private int runNothing(Path work, String... more) throws Exception {
    Path csv = Files.writeString(folder.resolve("small.csv"), "a,b\n1,2\n");
    List<String> arguments = new ArrayList<>(List.of("--file", csv.toString()));
    arguments.addAll(List.of("--work", work.toString(), "--only", "memory", "--memory-bytes", "0"));
    arguments.addAll(List.of(more));
    return BenchCommandLine.create().execute(arguments.toArray(String[]::new));
  }
}
