package dev.taxiscale.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What local cluster to start.
 *
 * <p>A <em>node</em> is one query worker with its own connection pool, plus its own PostgreSQL read
 * replica when {@code replicas} is set, sharing one CPU budget when {@code nodeCpu} is set, as a
 * Kubernetes node that hosts a worker pod and a replica pod would. The primary, the broker and the
 * gateways run outside the nodes.
 *
 * @param dir where the processes keep their data, logs and the state file
 * @param workers nodes (query workers) to start, at least 1
 * @param gatewayPort the first gateway's HTTP port, 0 to choose a free one
 * @param sampleTrips synthetic trips to generate and load before the workers start, 0 for none
 * @param sessionTimeout how soon the worker group notices a worker that died
 * @param launcher how to start the Java processes
 * @param nodeCpu each node's CPU budget, enforced by a CFS quota; {@code null} for none
 * @param replicas whether each node reads from a streaming replica of its own
 * @param gateways HTTP gateways to start, at least 1; clients spread requests over them
 * @param nodeJvmFlags extra JVM flags of the processes inside a node's CPU group, such as {@code
 *     -XX:TieredStopAtLevel=1}, which spares a small node the optimizing compiler's CPU
 */
public record ClusterSpec(
    Path dir,
    int workers,
    int gatewayPort,
    long sampleTrips,
    Duration sessionTimeout,
    Launcher launcher,
    CpuBudget nodeCpu,
    boolean replicas,
    int gateways,
    List<String> nodeJvmFlags) {
  public ClusterSpec {
    // the processes run in this folder: relative paths would resolve twice
    dir = dir.toAbsolutePath().normalize();
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be at least 1, got " + workers);
    }
    if (gatewayPort < 0 || gatewayPort > 65_535) {
      throw new IllegalArgumentException("gatewayPort must be in [0, 65535], got " + gatewayPort);
    }
    if (sampleTrips < 0) {
      throw new IllegalArgumentException("sampleTrips must not be negative, got " + sampleTrips);
    }
    nodeJvmFlags = List.copyOf(nodeJvmFlags);
    if (gateways < 1 || gateways > 16) {
      throw new IllegalArgumentException("gateways must be in [1, 16], got " + gateways);
    }
  }

  /** Two workers, a free gateway port, 20,000 sample trips, a 10 s session timeout. */
  public static ClusterSpec defaults(Path dir, Launcher launcher) {
    return new ClusterSpec(
        dir, 2, 0, 20_000, Duration.ofSeconds(10), launcher, null, false, 1, List.of());
  }

  public ClusterSpec withWorkers(int count) {
    return new ClusterSpec(
        dir,
        count,
        gatewayPort,
        sampleTrips,
        sessionTimeout,
        launcher,
        nodeCpu,
        replicas,
        gateways,
        nodeJvmFlags);
  }

  public ClusterSpec withGatewayPort(int port) {
    return new ClusterSpec(
        dir,
        workers,
        port,
        sampleTrips,
        sessionTimeout,
        launcher,
        nodeCpu,
        replicas,
        gateways,
        nodeJvmFlags);
  }

  public ClusterSpec withSampleTrips(long trips) {
    return new ClusterSpec(
        dir,
        workers,
        gatewayPort,
        trips,
        sessionTimeout,
        launcher,
        nodeCpu,
        replicas,
        gateways,
        nodeJvmFlags);
  }

  public ClusterSpec withSessionTimeout(Duration timeout) {
    return new ClusterSpec(
        dir,
        workers,
        gatewayPort,
        sampleTrips,
        timeout,
        launcher,
        nodeCpu,
        replicas,
        gateways,
        nodeJvmFlags);
  }

  /** Each node in a CPU group of this budget ({@code null}: no limit). */
  public ClusterSpec withNodeCpu(CpuBudget budget) {
    return new ClusterSpec(
        dir,
        workers,
        gatewayPort,
        sampleTrips,
        sessionTimeout,
        launcher,
        budget,
        replicas,
        gateways,
        nodeJvmFlags);
  }

  /** Each node with a read replica of its own. */
  public ClusterSpec withReplicas(boolean on) {
    return new ClusterSpec(
        dir,
        workers,
        gatewayPort,
        sampleTrips,
        sessionTimeout,
        launcher,
        nodeCpu,
        on,
        gateways,
        nodeJvmFlags);
  }

  /** Extra JVM flags for the processes in the nodes' CPU groups. */
  public ClusterSpec withNodeJvmFlags(List<String> flags) {
    return new ClusterSpec(
        dir,
        workers,
        gatewayPort,
        sampleTrips,
        sessionTimeout,
        launcher,
        nodeCpu,
        replicas,
        gateways,
        flags);
  }

  public ClusterSpec withGateways(int count) {
    return new ClusterSpec(
        dir,
        workers,
        gatewayPort,
        sampleTrips,
        sessionTimeout,
        launcher,
        nodeCpu,
        replicas,
        count,
        nodeJvmFlags);
  }
}
