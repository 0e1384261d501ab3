package dev.taxiscale.gateway;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU used so far by this JVM, by its JIT compiler threads (part of the JVM's) and by the
 * PostgreSQL server listening on a port (its postmaster and backends), read from {@code /proc}
 * where there is one; 0 for the compilers and the server elsewhere.
 */
record CpuTime(long jvmNanos, long compilerNanos, long postgresNanos) {
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
    return new CpuTime(jvm, compilerTicks() * NANOS_PER_TICK, postgres);
  }

  static final CpuTime ZERO = new CpuTime(0, 0, 0);

  CpuTime plus(CpuTime other) {
    return new CpuTime(
        jvmNanos + other.jvmNanos,
        compilerNanos + other.compilerNanos,
        postgresNanos + other.postgresNanos);
  }

  CpuTime minus(CpuTime earlier) {
    return new CpuTime(
        jvmNanos - earlier.jvmNanos,
        compilerNanos - earlier.compilerNanos,
        postgresNanos - earlier.postgresNanos);
  }

  /** HotSpot names its JIT threads "C1 CompilerThread0", "C2 CompilerThread1" and so on. */
  private static long compilerTicks() {
    try (Stream<Path> threads = Files.list(Path.of("/proc/self/task"))) {
      return threads
          .filter(t -> threadName(t).contains("CompilerThre"))
          .mapToLong(t -> ticks(t.resolve("stat")))
          .sum();
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  private static String threadName(Path task) {
    try {
      return Files.readString(task.resolve("comm")).strip();
    } catch (IOException e) {
      return "";
    }
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

  private static long ticks(long pid) {
    return ticks(Path.of("/proc", Long.toString(pid), "stat"));
  }

  /** User plus system ticks of one process or thread, fields 14 and 15 of its stat line. */
  private static long ticks(Path statFile) {
    try {
      String stat = Files.readString(statFile);
      // the command name may hold spaces; the fields after it are plain
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }
}
