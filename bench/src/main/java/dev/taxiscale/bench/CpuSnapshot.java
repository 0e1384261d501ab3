package dev.taxiscale.bench;

import dev.taxiscale.cluster.ClusterProcess;
import dev.taxiscale.cluster.LocalCluster;
import dev.taxiscale.cluster.Role;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU used so far by each part of a cluster: every node from its control group's accounting, and
 * outside the nodes the gateways, the broker, the primary (with its PostgreSQL processes) and this
 * JVM, the load generator.
 */
record CpuSnapshot(long nanoTime, Map<String, Long> cpuNanos) {
  static final String GATEWAYS = "gateways";
  static final String BROKER = "broker";
  static final String PRIMARY = "primary";
  static final String LOAD = "load generator";
  static final String WORKERS = "workers (in the nodes)";

  static CpuSnapshot of(LocalCluster cluster) {
    Map<String, Long> cpu = new LinkedHashMap<>();
    cluster.nodeGroups().forEach((node, group) -> cpu.put(node, group.usageNanos()));
    long gateways = 0;
    long workers = 0;
    for (ClusterProcess p : cluster.processes()) {
      if (p.role() == Role.WORKER) {
        workers += ProcessCpu.ownNanos(p.pid());
      } else if (p.role() == Role.GATEWAY) {
        gateways += ProcessCpu.nanos(p.pid());
      } else if (p.role() == Role.BROKER) {
        cpu.put(BROKER, ProcessCpu.nanos(p.pid()));
      } else if (p.role() == Role.DATABASE) {
        cpu.put(PRIMARY, ProcessCpu.nanos(p.pid()));
      }
    }
    cpu.put(WORKERS, workers);
    cpu.put(GATEWAYS, gateways);
    cpu.put(LOAD, ProcessCpu.ownNanos(ProcessHandle.current().pid()));
    return new CpuSnapshot(System.nanoTime(), cpu);
  }

  /** Cores each part used on average from {@code before} to this snapshot. */
  Map<String, Double> coresSince(CpuSnapshot before) {
    double wall = nanoTime - before.nanoTime;
    Map<String, Double> cores = new LinkedHashMap<>();
    cpuNanos.forEach(
        (name, nanos) -> cores.put(name, (nanos - before.cpuNanos.getOrDefault(name, 0L)) / wall));
    return cores;
  }

  /** CPU milliseconds each part spent per answered request since {@code before}. */
  Map<String, Double> msPerRequestSince(CpuSnapshot before, long answered) {
    Map<String, Double> ms = new LinkedHashMap<>();
    cpuNanos.forEach(
        (name, nanos) ->
            ms.put(
                name,
                answered == 0
                    ? 0
                    : (nanos - before.cpuNanos.getOrDefault(name, 0L)) / 1e6 / answered));
    return ms;
  }
}
