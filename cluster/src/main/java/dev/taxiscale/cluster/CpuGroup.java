package dev.taxiscale.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One control group with a CPU quota: the processes started into it share the budget, and the
 * kernel accounts the CPU they use. Made by {@link Cgroups}.
 *
 * @param name its path below the hierarchy's root, e.g. {@code taxiscale/p1234/node-1}
 * @param memberFiles the {@code cgroup.procs} files a process writes its pid to when it joins
 *     (cgroup v1 has one per controller hierarchy: {@code cpu} and {@code cpuacct})
 * @param usageFile {@code cpuacct.usage} (nanoseconds) or v2 {@code cpu.stat} ({@code usage_usec})
 * @param statFile {@code cpu.stat}, with the throttled time
 * @param dirs the group's directories, removed (deepest last) when it is
 */
public record CpuGroup(
    String name, List<Path> memberFiles, Path usageFile, Path statFile, List<Path> dirs) {
  private static final String JOIN_THEN_EXEC =
      "n=$1; shift; while [ \"$n\" -gt 0 ]; do echo $$ > \"$1\" || exit 97; shift;"
          + " n=$((n-1)); done; exec \"$@\"";

  public CpuGroup {
    memberFiles = List.copyOf(memberFiles);
    dirs = List.copyOf(dirs);
  }

  /**
   * A shell joins the group and then becomes {@code command}, so the process and everything it
   * starts (PostgreSQL's backends) are in the group from their first instruction.
   */
  public List<String> wrap(List<String> command) {
    List<String> wrapped = new ArrayList<>(List.of("/bin/sh", "-c", JOIN_THEN_EXEC, "sh"));
    wrapped.add(String.valueOf(memberFiles.size()));
    memberFiles.forEach(file -> wrapped.add(file.toString()));
    wrapped.addAll(command);
    return wrapped;
  }

  /**
   * Sets its quota and period, also while its processes run. cgroup v1 takes them one file at a
   * time and checks each against the parent's limit, so the quota shrinks before the period does
   * and grows after it has: in between the group never holds more than its new share.
   */
  public void limit(CpuBudget budget) {
    Path cpu = statFile.getParent();
    try {
      Path max = cpu.resolve("cpu.max");
      if (Files.exists(max)) {
        Cgroups.write(max, budget.quotaMicros() + " " + budget.periodMicros());
        return;
      }
      Path period = cpu.resolve("cpu.cfs_period_us");
      Path quota = cpu.resolve("cpu.cfs_quota_us");
      if (budget.periodMicros() < Long.parseLong(read(period).trim())) {
        Cgroups.write(quota, "" + budget.quotaMicros());
        Cgroups.write(period, "" + budget.periodMicros());
      } else {
        Cgroups.write(period, "" + budget.periodMicros());
        Cgroups.write(quota, "" + budget.quotaMicros());
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot limit CPU group " + cpu + ": " + e.getMessage());
    }
  }

  /** CPU time its processes have used since it was made, in nanoseconds. */
  public long usageNanos() {
    String text = read(usageFile).trim();
    if (usageFile.getFileName().toString().equals("cpu.stat")) {
      return field(text, "usage_usec") * 1_000;
    }
    return Long.parseLong(text);
  }

  /** Time its processes were held back by the quota, in nanoseconds. */
  public long throttledNanos() {
    String text = read(statFile);
    long v1 = field(text, "throttled_time");
    return v1 >= 0 ? v1 : Math.max(0, field(text, "throttled_usec")) * 1_000;
  }

  /** The processes in it now. */
  public List<Long> pids() {
    List<Long> pids = new ArrayList<>();
    for (Path members : memberFiles) {
      for (String line : read(members).split("\n")) {
        if (!line.isBlank() && !pids.contains(Long.parseLong(line.trim()))) {
          pids.add(Long.parseLong(line.trim()));
        }
      }
    }
    return pids;
  }

  /**
   * Moves this JVM, with all its threads, into the group. Processes it started before stay where
   * they are: a benchmark holds its own loader to the budget and not the database it started.
   */
  public void joinThisProcess() {
    moveThisProcess(memberFiles);
  }

  /** Moves this JVM back to the root of each hierarchy, so that the group can be removed. */
  public void leaveThisProcess() {
    int depth = Path.of(name).getNameCount();
    List<Path> roots = new ArrayList<>();
    for (Path members : memberFiles) {
      Path root = members.getParent();
      for (int i = 0; i < depth; i++) {
        root = root.getParent();
      }
      roots.add(root.resolve("cgroup.procs"));
    }
    moveThisProcess(roots);
  }

  private static void moveThisProcess(List<Path> procsFiles) {
    String pid = String.valueOf(ProcessHandle.current().pid());
    for (Path procs : procsFiles) {
      try {
        Cgroups.write(procs, pid);
      } catch (IOException e) {
        throw new IllegalStateException("cannot move this process to " + procs + ": " + e);
      }
    }
  }

  /** Kills whatever still runs in it, then removes it; a group that is already gone is fine. */
  public void remove() {
    Cgroups.killAll(this);
    for (Path dir : dirs) {
      Cgroups.removeDir(dir);
    }
  }

  /** The value of {@code key} in a {@code cpu.stat} text, or -1 when it has none. */
  static long field(String stat, String key) {
    try (Stream<String> lines = stat.lines()) {
      return lines
          .filter(line -> line.startsWith(key + " "))
          .mapToLong(line -> Long.parseLong(line.substring(key.length() + 1).trim()))
          .findFirst()
          .orElse(-1);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
