package dev.taxiscale.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Nodes' CPU budgets on this host's real control groups. Needs root and a writable cgroup v1 {@code
 * cpu} or v2 {@code cpu.max}: without them these tests fail, as the benchmark would.
 */
class CpuGroupIntegrationTest {
  private static final List<String> BUSY_LOOP = List.of("/bin/sh", "-c", "while :; do :; done");

  private final Cgroups cgroups = Cgroups.detect();
  private final String owner = Cgroups.ownerOfThisProcess();

  @AfterEach
  void removeGroups() {
    cgroups.removeOwner(owner);
  }

  @Test
  void shouldHoldABusyProcessToItsQuota() throws Exception {
    CpuGroup group = cgroups.create(owner, "node-quota", new CpuBudget(0.1));
    Process busy = new ProcessBuilder(group.wrap(BUSY_LOOP)).start();

    long wallNanos = spin(1_500);

    // a tenth of a core for 1.5 s is 150 ms; unlimited, the loop would take about 1,500 ms
    assertThat(group.pids()).contains(busy.pid());
    assertThat(group.usageNanos()).isBetween(50_000_000L, wallNanos / 10 * 2);
    assertThat(group.throttledNanos()).isPositive();
    busy.destroyForcibly().waitFor();
  }

  @Test
  void shouldTakeThisProcessInAndLetItOutAgain() {
    CpuGroup group = cgroups.create(owner, "loader", new CpuBudget(1));
    long self = ProcessHandle.current().pid();

    group.joinThisProcess();
    List<Long> inside = group.pids();
    group.leaveThisProcess();

    assertThat(inside).contains(self);
    assertThat(group.pids()).doesNotContain(self);
  }

  @Test
  void shouldGrantTheSameShareSteadilyWhenThePeriodShrinksUnderARunningProcess() throws Exception {
    CpuGroup group = cgroups.create(owner, "node-steady", new CpuBudget(0.1));
    Process busy = new ProcessBuilder(group.wrap(BUSY_LOOP)).start();
    awaitMember(group, busy.pid());

    group.limit(new CpuBudget(0.1).steady());
    long usedBefore = group.usageNanos();
    long periodsBefore = periods(group);
    long wallNanos = spin(1_500);

    // 10 ms periods with 1 ms each: still a tenth of a core, granted about 150 times in 1.5 s
    // where 100 ms periods would have granted it 15 times
    assertThat(group.usageNanos() - usedBefore).isBetween(50_000_000L, wallNanos / 10 * 2);
    assertThat(periods(group) - periodsBefore).isGreaterThan(100);
    busy.destroyForcibly().waitFor();
  }

  @Test
  void shouldKillWhatRunsInAGroupWhenRemovingIt() throws Exception {
    CpuGroup group = cgroups.create(owner, "node-removed", new CpuBudget(0.5));
    Process sleeper = new ProcessBuilder(group.wrap(List.of("sleep", "600"))).start();
    awaitMember(group, sleeper.pid());

    group.remove();

    assertThat(reaped(sleeper)).isTrue();
    assertThat(group.dirs()).noneMatch(Files::exists);
  }

  @Test
  void shouldSweepTheGroupsOfALauncherThatDied() throws Exception {
    Process launcher = new ProcessBuilder("true").start();
    launcher.waitFor();
    String deadOwner = "p" + launcher.pid();
    CpuGroup left = cgroups.create(deadOwner, "node-1", new CpuBudget(0.2));
    Process orphan = new ProcessBuilder(left.wrap(List.of("sleep", "600"))).start();
    awaitMember(left, orphan.pid());

    List<String> swept = cgroups.sweepStale();

    assertThat(swept).contains(deadOwner);
    assertThat(reaped(orphan)).isTrue();
    assertThat(left.dirs()).noneMatch(Files::exists);
  }

  @Test
  void shouldRefuseAHierarchyWithoutACpuController() throws Exception {
    Path empty = Files.createTempDirectory("no-cgroups");

    assertThatThrownBy(() -> Cgroups.detect(empty))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no cgroup CPU controller")
        .hasMessageNotContaining("\n");
  }

  private static long periods(CpuGroup group) throws Exception {
    return CpuGroup.field(Files.readString(group.statFile()), "nr_periods");
  }

  private static void awaitMember(CpuGroup group, long pid) throws InterruptedException {
    for (int i = 0; i < 200 && !group.pids().contains(pid); i++) {
      Thread.sleep(10);
    }
    assertThat(group.pids()).contains(pid);
  }

  /**
   * Whether the JVM has seen the process end. The kill is synchronous, but the JVM learns of a
   * child's exit on its reaper thread a moment later; a process that was not killed (sleep 600)
   * stays alive past this bound.
   */
  private static boolean reaped(Process process) throws InterruptedException {
    return process.waitFor(5, TimeUnit.SECONDS);
  }

  /** Waits about {@code millis} and returns the wall time that really passed. */
  private static long spin(long millis) throws InterruptedException {
    long start = System.nanoTime();
    Thread.sleep(millis);
    return System.nanoTime() - start;
  }
}
