package io.crewexport.bench;

import io.crewexport.runner.demo.DemoServer;
import io.crewexport.runner.demo.DemoTimings;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The benchmark: our export, end to end through the demo server, beside DuckDB's own CSV engine on
 * the same file, each run in a fresh JVM; prints one table and writes the same as JSON.
 *
 * <pre>
 * mvn -B -ntp -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/crewexport-bench.jar --rows 2000000
 * </pre>
 */
@Command(
    name = "crewexport-bench",
    mixinStandardHelpOptions = true,
    description = {
      "Times crewexport's export (download, spool, read, infer, write, commit) into Parquet,"
          + " DuckDB and CSV beside DuckDB's read_csv on the same file, and a memory run."
    })
public final class Bench implements Callable<Integer> {
  private static final double MEMORY_RSS_LIMIT_MEGABYTES = 600;

  @Spec CommandSpec spec;

  @Option(
      names = "--rows",
      defaultValue = "2000000",
      description = "Rows of the generated report (default: ${DEFAULT-VALUE}).")
  long rows;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of the generated report.")
  long seed;

  @Option(names = "--file", description = "Benchmark this CSV file instead of a generated one.")
  Path file;

  @Option(
      names = "--work",
      description = "Work folder: input, outputs, logs (default: bench-work beside the jar).")
  Path work;

  @Option(names = "--json", description = "Where the JSON goes (default: <work>/results.json).")
  Path json;

  @Option(
      names = "--heap",
      defaultValue = "1g",
      description = "-Xmx of the timed runs (default: ${DEFAULT-VALUE}).")
  String heap;

  @Option(
      names = "--memory-bytes",
      defaultValue = "1000000000",
      description = "At least this large a report for the memory run; 0 skips it.")
  long memoryBytes;

  @Option(
      names = "--memory-heap",
      defaultValue = "256m",
      description = "-Xmx of the memory run (default: ${DEFAULT-VALUE}).")
  String memoryHeap;

  // 256 MiB of heap, ~170 MiB the JVM needs beside it and DuckDB's limit must stay under 600
  // MiB: at 192MB the run peaked at 591-599 MiB, at 128MB at 553-555 MiB.
  @Option(
      names = "--memory-duckdb-limit",
      defaultValue = "128MB",
      description = "DuckDB memory_limit in the memory run (default: ${DEFAULT-VALUE}).")
  String memoryDuckDbLimit;

  @Option(
      names = "--only",
      split = ",",
      description = "Run only these: parquet, duckdb, csv, infer, memory.")
  List<String> only;

  // Three, because single runs on this kind of machine differ by a tenth or more (see the README),
  // and the median of three is the least that shrugs off one odd run.
  @Option(
      names = "--rounds",
      defaultValue = "3",
      description =
          "Rounds of each timed pair, ours and theirs in alternating order; the table shows"
              + " medians (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Option(names = "--profile", description = "Record a JFR profile of each run in <work>/profiles.")
  boolean profile;

  public static void main(String[] args) {
    System.exit(BenchCommandLine.create().execute(args));
  }

  @Override
  public Integer call() throws Exception {
    if (rounds < 1) {
      throw new ParameterException(spec.commandLine(), "--rounds must be at least 1: " + rounds);
    }
    Path folder = work != null ? work.toAbsolutePath() : defaultWork();
    Path target = json != null ? json.toAbsolutePath() : folder.resolve("results.json");
    // Made now, so that a folder that cannot be made fails before minutes of runs, not after.
    Files.createDirectories(target.getParent());
    Machine machine = Machine.describe();
    System.out.println("Machine: " + machine.summary());
    InputFile input =
        file != null ? InputFile.given(file) : InputFile.generated(folder, rows, seed);
    System.out.printf(
        Locale.ROOT,
        "Input: %s (%.1f MB%s)%n",
        input.file(),
        input.bytes() / 1e6,
        input.generatedSeconds() > 0
            ? String.format(Locale.ROOT, ", generated in %.1f s", input.generatedSeconds())
            : "");

    String secret = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
    FileReport report = new FileReport(BenchPlan.REPORT_ID, input.file(), 1);
    FileReport large = new FileReport(BenchPlan.MEMORY_REPORT_ID, input.file(), copies(report));
    try (DemoServer server =
        DemoServer.builder(BenchPlan.CLIENT_ID, secret)
            .report(report)
            .report(large)
            .report(ServerWarmUp.report(folder))
            .timings(DemoTimings.demo())
            .build()
            .start()) {
      Path spool = folder.resolve("spool");
      int left = Folders.deleteSpoolFiles(spool);
      if (left > 0) {
        System.out.println("Spool files an interrupted run left, deleted: " + left);
      }
      BenchPlan plan = new BenchPlan(input.file(), server.baseUrl(), folder);
      if (anyExport(plan)) {
        ServerWarmUp.run(server.baseUrl(), BenchPlan.CLIENT_ID, secret, spool);
      }
      ChildLauncher launcher = new ChildLauncher(folder, profile, secret);
      BenchReport result = measure(plan, launcher, input, large);
      new ReportPrinter(System.out).print(result);
      Files.write(target, Json.MAPPER.writeValueAsBytes(result));
      System.out.println("\nJSON: " + target);
      return 0;
    }
  }

  private BenchReport measure(
      BenchPlan plan, ChildLauncher launcher, InputFile input, FileReport large)
      throws IOException, InterruptedException {
    List<RunSummary> runs = new ArrayList<>();
    List<Comparison> comparisons = new ArrayList<>();
    for (BenchPlan.Pair pair : plan.pairs()) {
      if (selected(pair.key())) {
        List<RunSummary> ours = new ArrayList<>();
        List<RunSummary> theirs = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
          // Whichever runs first in a round pays for what the machine still does after the
          // round before, so each side goes first in turn.
          boolean oursFirst = round % 2 == 1;
          BenchPlan.Run first = oursFirst ? pair.ours() : pair.theirs();
          BenchPlan.Run second = oursFirst ? pair.theirs() : pair.ours();
          RunSummary firstRun = run(plan, launcher, first, round, heap, input.bytes());
          RunSummary secondRun = run(plan, launcher, second, round, heap, input.bytes());
          runs.add(firstRun);
          runs.add(secondRun);
          ours.add(oursFirst ? firstRun : secondRun);
          theirs.add(oursFirst ? secondRun : firstRun);
        }
        comparisons.add(Comparison.of(pair, ours, theirs));
      }
    }
    MemoryCheck memory = null;
    if (memoryBytes > 0 && selected("memory")) {
      RunSummary run =
          run(plan, launcher, plan.memory(memoryDuckDbLimit), 1, memoryHeap, large.bytes());
      memory =
          new MemoryCheck(
              run,
              large.bytes(),
              memoryHeap,
              memoryDuckDbLimit,
              MEMORY_RSS_LIMIT_MEGABYTES,
              run.peakRssMegabytes() >= 0 && run.peakRssMegabytes() < MEMORY_RSS_LIMIT_MEGABYTES);
      runs.add(run);
    }
    return new BenchReport(Machine.describe(), input, heap, rounds, runs, comparisons, memory);
  }

  private RunSummary run(
      BenchPlan plan,
      ChildLauncher launcher,
      BenchPlan.Run run,
      int round,
      String runHeap,
      long bytes)
      throws IOException, InterruptedException {
    Folders.deleteRecursively(plan.outputOf(run.name()));
    // Each round keeps its own log (and profile); the output folder is reused.
    String name = rounds == 1 ? run.name() : run.name() + "-" + round;
    System.out.printf("%-18s %-40s", name, run.label());
    System.out.flush();
    Measurement measurement = launcher.run(name, runHeap, run.arguments());
    RunSummary summary = RunSummary.of(run.label(), measurement, bytes);
    System.out.printf(
        Locale.ROOT,
        "%7.1f s %7.1f CPU s %7.1f MB/s  %s%n",
        summary.seconds(),
        summary.cpuSeconds(),
        summary.megabytesPerSecond(),
        phases(summary));
    Folders.deleteRecursively(plan.outputOf(run.name()));
    return summary;
  }

  private static String phases(RunSummary summary) {
    StringBuilder text = new StringBuilder();
    summary
        .phases()
        .forEach((name, value) -> text.append(String.format(Locale.ROOT, " %s %.1f", name, value)));
    return text.toString().trim();
  }

  /** Whether any selected run exports through the server (read + infer reads the file). */
  private boolean anyExport(BenchPlan plan) {
    return plan.pairs().stream()
            .anyMatch(pair -> selected(pair.key()) && ExportRun.runs(pair.ours().arguments()))
        || (memoryBytes > 0 && selected("memory"));
  }

  private boolean selected(String key) {
    return only == null || only.contains(key);
  }

  /** How many copies of the rows make the memory run's report at least the size asked. */
  private int copies(FileReport report) {
    return (int) Math.max(1, Math.ceil(Math.max(memoryBytes, 1) / (double) report.bytes()));
  }

  private static Path defaultWork() throws URISyntaxException {
    Path location =
        Path.of(Bench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    // The jar, or target/classes when run from an IDE: both sit in the module's target folder.
    return location.getParent().resolve("bench-work");
  }
}
