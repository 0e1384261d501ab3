package dev.taxiscale.gateway;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU used so far by this JVM and by the processes it started (the embedded PostgreSQL and its
 * backends), read from {@code /proc} where there is one; 0 for the children elsewhere.
 */
record CpuTime(long jvmNanos, long postgresNanos) {
  /** Linux reports process times in clock ticks of 1/100 s. */
  private static final long NANOS_PER_TICK = 10_000_000L;

  static CpuTime now() {
    long jvm =
        ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime();
    long children =
        ProcessHandle.current().descendants().mapToLong(p -> ticks(p.pid())).sum() * NANOS_PER_TICK;
    return new CpuTime(jvm, children);
  }

  CpuTime minus(CpuTime earlier) {
    return new CpuTime(jvmNanos - earlier.jvmNanos, postgresNanos - earlier.postgresNanos);
  }

  /** User plus system ticks of one process, fields 14 and 15 of its stat line. */
  private static long ticks(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // the command name may hold spaces; the fields after it are plain
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }
}
