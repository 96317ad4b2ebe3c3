package io.crewexport.bench;

import java.util.List;

/**
 * Everything one benchmark run found, as printed and as written to JSON.
 *
 * @param machine where it ran
 * @param input the CSV file every run read
 * @param childHeap the {@code -Xmx} of the timed runs
 * @param rounds how many times each pair ran
 * @param runs every timed run, in the order run, each round's named with its round when there are
 *     several
 * @param comparisons our paths beside their counterparts
 * @param memory the memory run, or null when skipped
 */
record BenchReport(
    Machine machine,
    InputFile input,
    String childHeap,
    int rounds,
    List<RunSummary> runs,
    List<Comparison> comparisons,
    MemoryCheck memory) {}
