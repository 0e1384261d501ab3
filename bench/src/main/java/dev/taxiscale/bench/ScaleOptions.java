package dev.taxiscale.bench;

import dev.taxiscale.cluster.CpuBudget;
import java.nio.file.Path;
import java.util.List;

/**
 * What the scale suite measures.
 *
 * @param nodes node counts, ascending, starting at 1
 * @param nodeCpu each node's CPU budget
 * @param rows sample trips the cluster loads
 * @param seed data and request seed
 * @param requests distinct requests in the set (the original plan's 100)
 * @param clientsPerNode closed-loop clients per node when measuring capacity
 * @param windowSeconds length of each measurement and warm-up window
 * @param warmUpLimitSeconds the longest warm-up before a node count is measured anyway
 * @param overload the open loop's rate in the with/without table, as a multiple of one node's
 *     capacity
 * @param compareAt the node count compared with one node in the with/without table
 * @param gateways HTTP gateways outside the nodes
 * @param reportDir where report.md, report.html and report.json go
 * @param nodeJvmFlags extra JVM flags of the node processes (the worker and the replica's launcher)
 */
public record ScaleOptions(
    List<Integer> nodes,
    CpuBudget nodeCpu,
    long rows,
    long seed,
    int requests,
    int clientsPerNode,
    int windowSeconds,
    int warmUpLimitSeconds,
    double overload,
    int compareAt,
    int gateways,
    Path reportDir,
    List<String> nodeJvmFlags) {
  public ScaleOptions {
    nodes = List.copyOf(nodes);
    nodeJvmFlags = List.copyOf(nodeJvmFlags);
    if (nodes.isEmpty() || nodes.get(0) != 1) {
      throw new IllegalArgumentException("--nodes must start at 1, got " + nodes);
    }
    for (int i = 1; i < nodes.size(); i++) {
      if (nodes.get(i) <= nodes.get(i - 1) || nodes.get(i) > 16) {
        throw new IllegalArgumentException("--nodes must ascend, each at most 16, got " + nodes);
      }
    }
    int cores = Runtime.getRuntime().availableProcessors();
    double total = nodes.get(nodes.size() - 1) * nodeCpu.cpus();
    if (total > cores) {
      throw new IllegalArgumentException(
          String.format(
              java.util.Locale.ROOT,
              "%d nodes x %.2f CPU = %.2f CPU, more than this machine's %d cores",
              nodes.get(nodes.size() - 1),
              nodeCpu.cpus(),
              total,
              cores));
    }
    if (rows < 1_000 || requests < 1 || clientsPerNode < 1 || windowSeconds < 1) {
      throw new IllegalArgumentException(
          "--rows >= 1000, --requests, --clients-per-node and --window must be positive");
    }
    if (!(overload > 1) || !nodes.contains(compareAt)) {
      throw new IllegalArgumentException(
          "--overload must be above 1 and --compare-at one of --nodes " + nodes);
    }
  }
}
