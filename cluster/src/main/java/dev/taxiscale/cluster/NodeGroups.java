package dev.taxiscale.cluster;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The CPU groups of one cluster's nodes: none when the spec sets no node budget, otherwise one
 * group per node under an owner that outlives the launcher only for a detached cluster.
 */
final class NodeGroups implements AutoCloseable {
  private final Cgroups cgroups;
  private final String owner;
  private volatile CpuBudget budget;
  private final Map<String, CpuGroup> groups = Collections.synchronizedMap(new LinkedHashMap<>());

  private NodeGroups(Cgroups cgroups, String owner, CpuBudget budget) {
    this.cgroups = cgroups;
    this.owner = owner;
    this.budget = budget;
  }

  /** Detects the host's cgroups (failing in one line when they are missing) if a budget is set. */
  static NodeGroups of(ClusterSpec spec, boolean detached) {
    if (spec.nodeCpu() == null) {
      return new NodeGroups(null, null, null);
    }
    Cgroups cgroups = Cgroups.detect();
    cgroups.sweepStale();
    String owner = detached ? Cgroups.ownerOfDirectory(spec.dir()) : Cgroups.ownerOfThisProcess();
    // a detached cluster started again in the same folder: its old groups hold nothing alive
    cgroups.removeOwner(owner);
    return new NodeGroups(cgroups, owner, spec.nodeCpu());
  }

  /** The group for a node, or {@code null} without a budget. */
  CpuGroup create(String node) {
    if (cgroups == null) {
      return null;
    }
    CpuGroup group = cgroups.create(owner, node, budget);
    groups.put(node, group);
    return group;
  }

  /** Gives every node, and every node made from now on, this budget instead. */
  void limit(CpuBudget newBudget) {
    if (cgroups == null) {
      throw new IllegalStateException("the cluster's nodes have no CPU budget to change");
    }
    budget = newBudget;
    groups().values().forEach(group -> group.limit(newBudget));
  }

  Map<String, CpuGroup> groups() {
    synchronized (groups) {
      return Collections.unmodifiableMap(new LinkedHashMap<>(groups));
    }
  }

  /** Removes a stopped detached cluster's groups, if it had any. */
  static void removeDetached(Path dir) {
    try {
      Cgroups.detect().removeOwner(Cgroups.ownerOfDirectory(dir));
    } catch (IllegalStateException e) {
      // no writable cgroups here, so the cluster cannot have made any
    }
  }

  /** Removes every group, killing what is left in them. */
  @Override
  public void close() {
    if (cgroups != null) {
      cgroups.removeOwner(owner);
      groups.clear();
    }
  }
}
