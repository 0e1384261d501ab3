package dev.taxiscale.bench;

import dev.taxiscale.cluster.Cgroups;
import dev.taxiscale.cluster.CpuBudget;
import dev.taxiscale.cluster.CpuGroup;

/**
 * This JVM held to a CPU budget for an ingest benchmark's loads, as an ingest pod's {@code
 * resources.limits.cpu} holds it, while the database it started earlier keeps the rest of the
 * machine. Closing moves the JVM out again and removes the group.
 */
class LoaderCpu implements AutoCloseable {
  /** No budget: the JVM stays where it is. */
  static final LoaderCpu NONE = new LoaderCpu(null, null);

  private final Cgroups cgroups;
  private final CpuGroup group;

  private LoaderCpu(Cgroups cgroups, CpuGroup group) {
    this.cgroups = cgroups;
    this.group = group;
  }

  /**
   * Joins a group of {@code budget} ({@code --loader-cpu}), or nothing when it is null; fails in
   * one line where the host has no writable CPU controller.
   */
  static LoaderCpu join(CpuBudget budget) {
    if (budget == null) {
      return NONE;
    }
    Cgroups cgroups = Cgroups.detect();
    cgroups.sweepStale();
    CpuGroup group = cgroups.create(Cgroups.ownerOfThisProcess(), "loader", budget);
    group.joinThisProcess();
    System.out.printf("loads held to %s (%s)%n", budget, group.name());
    return new LoaderCpu(cgroups, group);
  }

  @Override
  public void close() {
    if (group != null) {
      group.leaveThisProcess();
      cgroups.removeOwner(Cgroups.ownerOfThisProcess());
    }
  }
}
