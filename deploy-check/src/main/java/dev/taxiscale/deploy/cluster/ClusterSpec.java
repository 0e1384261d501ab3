package dev.taxiscale.deploy.cluster;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What local cluster to start.
 *
 * @param dir where the processes keep their data, logs and the state file
 * @param workers query workers to start, at least 1
 * @param gatewayPort the gateway's HTTP port, 0 to choose a free one
 * @param sampleTrips synthetic trips to generate and load before the workers start, 0 for none
 * @param sessionTimeout how soon the worker group notices a worker that died
 * @param launcher how to start the Java processes
 */
public record ClusterSpec(
    Path dir,
    int workers,
    int gatewayPort,
    long sampleTrips,
    Duration sessionTimeout,
    Launcher launcher) {
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
  }

  /** Two workers, a free gateway port, 20,000 sample trips, a 10 s session timeout. */
  public static ClusterSpec defaults(Path dir, Launcher launcher) {
    return new ClusterSpec(dir, 2, 0, 20_000, Duration.ofSeconds(10), launcher);
  }

  public ClusterSpec withWorkers(int count) {
    return new ClusterSpec(dir, count, gatewayPort, sampleTrips, sessionTimeout, launcher);
  }

  public ClusterSpec withGatewayPort(int port) {
    return new ClusterSpec(dir, workers, port, sampleTrips, sessionTimeout, launcher);
  }

  public ClusterSpec withSampleTrips(long trips) {
    return new ClusterSpec(dir, workers, gatewayPort, trips, sessionTimeout, launcher);
  }

  public ClusterSpec withSessionTimeout(Duration timeout) {
    return new ClusterSpec(dir, workers, gatewayPort, sampleTrips, timeout, launcher);
  }
}
