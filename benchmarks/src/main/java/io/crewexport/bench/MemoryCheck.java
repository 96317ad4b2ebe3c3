package io.crewexport.bench;

/**
 * The memory run: one export of a large report into every sink in a JVM with a small heap.
 *
 * @param run the run
 * @param bodyBytes the report's size
 * @param heap the child's {@code -Xmx}
 * @param duckDbMemoryLimit the DuckDB sink's {@code memory_limit}
 * @param rssLimitMegabytes the resident set the issue allows, in MiB
 * @param holds whether the peak resident set stayed below that
 */
record MemoryCheck(
    RunSummary run,
    long bodyBytes,
    String heap,
    String duckDbMemoryLimit,
    double rssLimitMegabytes,
    boolean holds) {}
