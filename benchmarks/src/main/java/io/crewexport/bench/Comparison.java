package io.crewexport.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * One of our paths beside its DuckDB (or bare parser) counterpart, over one or more rounds.
 *
 * @param path what both do, such as {@code CSV -> Parquet}
 * @param ours our run, each figure the median over the rounds (see {@link RunSummary#median})
 * @param theirs the counterpart, the same way
 * @param ratio our median wall time over theirs: below 1 we are faster
 * @param cpuRatio our median CPU time over theirs
 * @param roundRatios our wall time over theirs in each round, in the order run
 * @param mustReach the ratio the issue asks for at most
 * @param holds whether {@code ratio <= mustReach}
 */
record Comparison(
    String path,
    RunSummary ours,
    RunSummary theirs,
    double ratio,
    double cpuRatio,
    List<Double> roundRatios,
    double mustReach,
    boolean holds) {

  Comparison {
    roundRatios = List.copyOf(roundRatios);
  }

  /**
   * Compares the rounds of our run in {@code pair} with those of its counterpart; both lists hold
   * one run per round, round by round.
   */
  static Comparison of(BenchPlan.Pair pair, List<RunSummary> ours, List<RunSummary> theirs) {
    if (ours.isEmpty() || ours.size() != theirs.size()) {
      throw new IllegalArgumentException(
          "one run of each side per round, got " + ours.size() + " and " + theirs.size());
    }
    List<Double> roundRatios = new ArrayList<>();
    for (int round = 0; round < ours.size(); round++) {
      roundRatios.add(ours.get(round).seconds() / theirs.get(round).seconds());
    }
    RunSummary ourMedian = RunSummary.median(pair.ours().name(), ours);
    RunSummary theirMedian = RunSummary.median(pair.theirs().name(), theirs);
    double ratio = ourMedian.seconds() / theirMedian.seconds();
    return new Comparison(
        pair.path(),
        ourMedian,
        theirMedian,
        ratio,
        ourMedian.cpuSeconds() / theirMedian.cpuSeconds(),
        roundRatios,
        pair.mustReach(),
        ratio <= pair.mustReach());
  }
}
