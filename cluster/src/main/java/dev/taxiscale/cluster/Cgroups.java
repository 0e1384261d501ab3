package dev.taxiscale.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The host's CPU control groups: cgroup v1 {@code cpu} (with {@code cpuacct} for accounting) or
 * cgroup v2 {@code cpu.max}, whichever is writable. Kubernetes enforces a pod's CPU limit the same
 * way, so a node made here gets a fixed budget however busy the rest of the machine is.
 *
 * <p>Groups live under {@code taxiscale/OWNER/}: {@code p<pid>} for the groups of a launcher
 * process, which {@link #sweepStale()} removes with their processes once that launcher is gone, and
 * {@code d<hash>} for a detached local cluster, removed by its {@code stop}.
 */
public final class Cgroups {
  static final Path HOST_ROOT = Path.of("/sys/fs/cgroup");
  static final String TOP = "taxiscale";

  private final boolean v1;
  private final Path cpuRoot;
  private final Path accountingRoot;

  private Cgroups(boolean v1, Path cpuRoot, Path accountingRoot) {
    this.v1 = v1;
    this.cpuRoot = cpuRoot;
    this.accountingRoot = accountingRoot;
  }

  /** The host's hierarchy, or a one-line {@link IllegalStateException} saying why there is none. */
  public static Cgroups detect() {
    return detect(HOST_ROOT);
  }

  static Cgroups detect(Path root) {
    Path v1Cpu = root.resolve("cpu");
    Cgroups found;
    if (Files.exists(v1Cpu.resolve("cpu.cfs_quota_us"))) {
      Path accounting =
          Files.exists(v1Cpu.resolve("cpuacct.usage")) ? v1Cpu : root.resolve("cpuacct");
      found = new Cgroups(true, v1Cpu, accounting);
    } else if (readOr(root.resolve("cgroup.controllers"), "").contains("cpu")) {
      found = new Cgroups(false, root, root);
    } else {
      throw new IllegalStateException(
          "no cgroup CPU controller at " + root + " (neither v1 cpu.cfs_quota_us nor v2 cpu.max)");
    }
    found.requireWritable();
    return found;
  }

  private void requireWritable() {
    try {
      Files.createDirectories(cpuRoot.resolve(TOP));
      Files.createDirectories(accountingRoot.resolve(TOP));
      if (!v1) {
        enableCpu(cpuRoot);
        enableCpu(cpuRoot.resolve(TOP));
      }
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(
          "cannot create CPU groups under " + cpuRoot + " (needs root): " + e.getMessage());
    }
  }

  /** The owner name for groups that live as long as this JVM. */
  public static String ownerOfThisProcess() {
    return "p" + ProcessHandle.current().pid();
  }

  /** The owner name for the groups of a detached cluster kept in {@code dir}. */
  public static String ownerOfDirectory(Path dir) {
    return "d" + Integer.toHexString(dir.toAbsolutePath().normalize().toString().hashCode());
  }

  /** Makes (or resets) {@code taxiscale/OWNER/NAME} with the budget as its quota. */
  public CpuGroup create(String owner, String name, CpuBudget budget) {
    String path = TOP + "/" + owner + "/" + name;
    Path cpu = cpuRoot.resolve(path);
    Path accounting = accountingRoot.resolve(path);
    try {
      Files.createDirectories(cpu);
      Files.createDirectories(accounting);
      if (!v1) {
        enableCpu(cpu.getParent());
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot create CPU group " + cpu + ": " + e.getMessage());
    }
    List<Path> members = new ArrayList<>(List.of(cpu.resolve("cgroup.procs")));
    List<Path> dirs = new ArrayList<>(List.of(cpu));
    if (!accounting.equals(cpu)) {
      members.add(accounting.resolve("cgroup.procs"));
      dirs.add(accounting);
    }
    Path usage = v1 ? accounting.resolve("cpuacct.usage") : cpu.resolve("cpu.stat");
    CpuGroup group = new CpuGroup(path, members, usage, cpu.resolve("cpu.stat"), dirs);
    group.limit(budget);
    return group;
  }

  /** Removes an owner's groups, killing what still runs in them. */
  public void removeOwner(String owner) {
    for (Path root : roots()) {
      Path dir = root.resolve(TOP).resolve(owner);
      for (Path group : children(dir)) {
        killPids(readPids(group.resolve("cgroup.procs")));
        removeDir(group);
      }
      removeDir(dir);
    }
  }

  /**
   * Removes the groups of launchers that died without cleaning up (a SIGKILL, a crash), killing the
   * node processes they left behind. Detached clusters' groups are kept while they have processes.
   */
  public List<String> sweepStale() {
    List<String> removed = new ArrayList<>();
    for (Path owner : children(cpuRoot.resolve(TOP))) {
      String name = owner.getFileName().toString();
      boolean launcherGone =
          name.startsWith("p")
              && ProcessHandle.of(parsePid(name)).map(h -> !h.isAlive()).orElse(true);
      boolean empty =
          children(owner).stream().allMatch(g -> readPids(g.resolve("cgroup.procs")).isEmpty());
      if (launcherGone || empty) {
        removeOwner(name);
        removed.add(name);
      }
    }
    return removed;
  }

  private List<Path> roots() {
    return accountingRoot.equals(cpuRoot) ? List.of(cpuRoot) : List.of(cpuRoot, accountingRoot);
  }

  static void killAll(CpuGroup group) {
    killPids(group.pids());
  }

  private static void killPids(List<Long> pids) {
    List<ProcessHandle> handles = new ArrayList<>();
    for (long pid : pids) {
      ProcessHandle.of(pid).ifPresent(handles::add);
    }
    handles.forEach(ProcessHandle::destroyForcibly);
    long deadline = System.nanoTime() + 10_000_000_000L;
    for (ProcessHandle h : handles) {
      while (h.isAlive() && System.nanoTime() < deadline) {
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  static void removeDir(Path dir) {
    // a group is removed with rmdir; the kernel keeps it a moment after its last process exits
    for (int attempt = 0; attempt < 50 && Files.exists(dir); attempt++) {
      try {
        Files.delete(dir);
      } catch (IOException e) {
        try {
          Thread.sleep(50);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private static void enableCpu(Path dir) throws IOException {
    Path control = dir.resolve("cgroup.subtree_control");
    if (Files.exists(control) && !Files.readString(control).contains("cpu")) {
      write(control, "+cpu");
    }
  }

  private static List<Long> readPids(Path procs) {
    List<Long> pids = new ArrayList<>();
    for (String line : readOr(procs, "").split("\n")) {
      if (!line.isBlank()) {
        pids.add(Long.parseLong(line.trim()));
      }
    }
    return pids;
  }

  private static List<Path> children(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.filter(Files::isDirectory).toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  private static long parsePid(String owner) {
    try {
      return Long.parseLong(owner.substring(1));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static String readOr(Path file, String fallback) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return fallback;
    }
  }

  static void write(Path file, String value) throws IOException {
    Files.writeString(file, value, StandardCharsets.US_ASCII);
  }
}
