package io.crewexport.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The machine a benchmark ran on.
 *
 * @param cores processors available to the JVM
 * @param memoryBytes physical memory
 * @param cpu the processor's model name
 * @param os operating system, version and architecture
 * @param javaRuntime the Java runtime and VM
 * @param loadAverage the one-minute load average when the benchmark started: above zero, other
 *     processes were using the processors too
 */
record Machine(
    int cores, long memoryBytes, String cpu, String os, String javaRuntime, double loadAverage) {

  static Machine describe() {
    return new Machine(
        Runtime.getRuntime().availableProcessors(),
        totalMemory(),
        procValue("/proc/cpuinfo", "model name").orElse(System.getProperty("os.arch")),
        System.getProperty("os.name")
            + " "
            + System.getProperty("os.version")
            + " "
            + System.getProperty("os.arch"),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  /** One line for the report's heading. */
  String summary() {
    return String.format(
        "%d cores (%s), %.1f GiB memory, %s, %s; load average %.2f at start",
        cores, cpu, memoryBytes / (double) (1L << 30), os, javaRuntime, loadAverage);
  }

  private static long totalMemory() {
    return procValue("/proc/meminfo", "MemTotal")
        .map(text -> Long.parseLong(text.replace("kB", "").trim()) * 1024)
        .orElse(-1L);
  }

  private static Optional<String> procValue(String file, String key) {
    try {
      List<String> lines = Files.readAllLines(Path.of(file));
      return lines.stream()
          .filter(line -> line.startsWith(key))
          .map(line -> line.substring(line.indexOf(':') + 1).trim())
          .findFirst();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
