package io.crewexport.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Watches this JVM's heap and reads its process's resident memory.
 *
 * <p>The heap's peak is taken from the heap memory pools just before each collection, when the heap
 * is fullest, and once more at the end. (Summing each pool's own peak would overstate it: the young
 * and old pools peak at different moments, and the sum can exceed {@code -Xmx}.)
 */
final class ProcessMemory {
  private static final Path STATUS = Path.of("/proc/self/status");

  private final Set<String> heapPools;
  private final AtomicLong peakHeap = new AtomicLong();

  private ProcessMemory() {
    this.heapPools =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP)
            .map(MemoryPoolMXBean::getName)
            .collect(Collectors.toUnmodifiableSet());
  }

  /** Starts watching the heap: call before the work begins. */
  static ProcessMemory watch() {
    ProcessMemory memory = new ProcessMemory();
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) collector)
          .addNotificationListener(
              (notification, handback) -> {
                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
                    notification.getType())) {
                  var info =
                      GarbageCollectionNotificationInfo.from(
                          (CompositeData) notification.getUserData());
                  memory.record(info.getGcInfo().getMemoryUsageBeforeGc());
                }
              },
              null,
              null);
    }
    return memory;
  }

  /** The largest heap use seen: before any collection so far, or now. */
  long peakHeapBytes() {
    long now = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (heapPools.contains(pool.getName())) {
        now += pool.getUsage().getUsed();
      }
    }
    return Math.max(peakHeap.get(), now);
  }

  /**
   * The process's peak resident set size, heap, native memory (DuckDB's included) and mapped files,
   * from Linux's {@code VmHWM}; -1 elsewhere.
   */
  static long peakRssBytes() {
    try {
      for (String line : Files.readAllLines(STATUS)) {
        if (line.startsWith("VmHWM:")) {
          String kilobytes = line.substring("VmHWM:".length()).replace("kB", "").trim();
          return Long.parseLong(kilobytes) * 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      // Not Linux, or a kernel that words it differently: the figure is left out.
    }
    return -1;
  }

  /** CPU time of the whole process so far, every thread and native code included. */
  static double processCpuSeconds() {
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    return os.getProcessCpuTime() / 1e9;
  }

  private void record(Map<String, MemoryUsage> beforeCollection) {
    long used = 0;
    for (Map.Entry<String, MemoryUsage> pool : beforeCollection.entrySet()) {
      if (heapPools.contains(pool.getKey())) {
        used += pool.getValue().getUsed();
      }
    }
    peakHeap.accumulateAndGet(used, Math::max);
  }
}
