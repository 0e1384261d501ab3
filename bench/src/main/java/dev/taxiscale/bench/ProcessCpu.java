package dev.taxiscale.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of a process and its live descendants, read from {@code /proc}: how the scale report
 * charges the components outside the nodes (gateways, broker, primary, load generator).
 */
final class ProcessCpu {
  /** Linux reports utime and stime in clock ticks of 1/100 s on every common platform. */
  private static final long NANOS_PER_TICK = 10_000_000L;

  private ProcessCpu() {}

  /** User plus system time of {@code pid} and every process it started that still runs. */
  static long nanos(long pid) {
    long total = own(pid);
    total +=
        ProcessHandle.of(pid)
            .map(h -> h.descendants().mapToLong(d -> own(d.pid())).sum())
            .orElse(0L);
    return total;
  }

  /** User plus system time of {@code pid} alone, without the processes it started. */
  static long ownNanos(long pid) {
    return own(pid);
  }

  private static long own(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
      // the command name in parentheses may hold spaces; fields are counted after it
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }
}
