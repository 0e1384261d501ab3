package dev.taxiscale.gateway;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU used so far by this JVM and by the PostgreSQL server listening on a port (its postmaster and
 * backends), read from {@code /proc} where there is one; 0 for the server elsewhere.
 */
record CpuTime(long jvmNanos, long postgresNanos) {
  /** Linux reports process times in clock ticks of 1/100 s. */
  private static final long NANOS_PER_TICK = 10_000_000L;

  static CpuTime now(int postgresPort) {
    long jvm =
        ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime();
    long postgres =
        ProcessHandle.allProcesses()
                .filter(p -> isPostmaster(p, postgresPort))
                .flatMap(p -> Stream.concat(Stream.of(p), p.descendants()))
                .mapToLong(p -> ticks(p.pid()))
                .sum()
            * NANOS_PER_TICK;
    return new CpuTime(jvm, postgres);
  }

  static final CpuTime ZERO = new CpuTime(0, 0);

  CpuTime plus(CpuTime other) {
    return new CpuTime(jvmNanos + other.jvmNanos, postgresNanos + other.postgresNanos);
  }

  CpuTime minus(CpuTime earlier) {
    return new CpuTime(jvmNanos - earlier.jvmNanos, postgresNanos - earlier.postgresNanos);
  }

  /** The embedded server runs detached from this JVM, so it is found by its command line. */
  private static boolean isPostmaster(ProcessHandle process, int port) {
    List<String> args = List.of(process.info().arguments().orElse(new String[0]));
    int flag = args.indexOf("-p");
    return process.info().command().orElse("").endsWith("/postgres")
        && flag >= 0
        && flag + 1 < args.size()
        && args.get(flag + 1).equals(Integer.toString(port));
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
