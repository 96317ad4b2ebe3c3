package io.crewexport.bench;

/**
 * One of our paths beside its DuckDB (or bare parser) counterpart.
 *
 * @param path what both do, such as {@code CSV -> Parquet}
 * @param ours our run's name
 * @param theirs the counterpart's run name
 * @param ratio our wall time over theirs: below 1 we are faster
 * @param cpuRatio our CPU time over theirs
 * @param mustReach the ratio the issue asks for at most
 * @param holds whether {@code ratio <= mustReach}
 */
record Comparison(
    String path,
    String ours,
    String theirs,
    double ratio,
    double cpuRatio,
    double mustReach,
    boolean holds) {

  static Comparison of(String path, RunSummary ours, RunSummary theirs, double mustReach) {
    double ratio = ours.seconds() / theirs.seconds();
    double cpuRatio = ours.cpuSeconds() / theirs.cpuSeconds();
    return new Comparison(
        path, ours.run(), theirs.run(), ratio, cpuRatio, mustReach, ratio <= mustReach);
  }
}
