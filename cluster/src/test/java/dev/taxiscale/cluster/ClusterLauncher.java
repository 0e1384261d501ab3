package dev.taxiscale.cluster;

import java.nio.file.Path;

/**
 * Starts a local cluster with one worker and no sample trips, then waits, so that a test can kill
 * the launcher while its cluster starts.
 *
 * <p>Usage: {@code ClusterLauncher DIR detached|attached}
 */
public final class ClusterLauncher {
  private ClusterLauncher() {}

  public static void main(String[] args) throws Exception {
    ClusterSpec spec =
        ClusterSpec.defaults(Path.of(args[0]), Launcher.ofThisJvm())
            .withWorkers(1)
            .withGatewayPort(0)
            .withSampleTrips(0);
    LocalCluster.start(spec, args[1].equals("detached"));
    Thread.sleep(Long.MAX_VALUE);
  }
}
