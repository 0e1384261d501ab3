package dev.taxiscale.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * {@code deploy/local-cluster.sh}: starts a local cluster in the background, shows its status, or
 * stops it, keeping what it started in {@code DIR/cluster.properties}.
 *
 * <pre>
 * LocalClusterCli start  [--dir DIR] [--workers N] [--port PORT] [--sample-trips N]
 * LocalClusterCli status [--dir DIR]
 * LocalClusterCli stop   [--dir DIR]
 * LocalClusterCli restart NAME [--dir DIR]
 * </pre>
 */
public final class LocalClusterCli {
  static final String DEFAULT_DIR = "data/local-cluster";

  private LocalClusterCli() {}

  public static void main(String[] args) {
    if (args.length == 0) {
      usage();
      System.exit(2);
    }
    List<String> options = Arrays.asList(args).subList(1, args.length);
    if (options.contains("--help") || options.contains("-h") || args[0].equals("--help")) {
      System.out.println(USAGE);
      System.exit(0);
    }
    Path dir = Path.of(option(options, "--dir", DEFAULT_DIR)).toAbsolutePath();
    switch (args[0]) {
      case "start" -> start(dir, options);
      case "status" -> System.exit(status(dir) ? 0 : 1);
      case "stop" -> stop(dir);
      case "restart" -> restart(dir, options);
      default -> {
        usage();
        System.exit(2);
      }
    }
  }

  private static void start(Path dir, List<String> options) {
    if (ClusterState.file(dir).toFile().exists()) {
      if (status(dir)) {
        System.out.println("already running in " + dir);
        return;
      }
      long alive = ClusterState.read(dir).processes().stream().filter(p -> p.isAlive()).count();
      if (alive > 0) {
        System.err.println(
            "local-cluster: the cluster in "
                + dir
                + " is half running ("
                + alive
                + " processes alive); run 'local-cluster.sh stop' first");
        System.exit(1);
      }
    }
    ClusterSpec spec;
    try {
      spec = spec(dir, options);
    } catch (IllegalArgumentException e) {
      System.err.println("local-cluster: " + e.getMessage());
      System.exit(2);
      return;
    }
    LocalCluster cluster;
    try {
      cluster = LocalCluster.start(spec, true);
    } catch (IllegalStateException e) {
      System.err.println("local-cluster: " + e.getMessage().lines().findFirst().orElse(""));
      System.exit(1);
      return;
    }
    System.out.println("gateway:    " + cluster.gateway());
    if (cluster.gateways().size() > 1) {
      System.out.println("gateways:   " + cluster.gateways());
    }
    System.out.println("PostgreSQL: " + cluster.jdbcUrl());
    System.out.println("Kafka:      " + cluster.bootstrapServers());
    System.out.println("logs:       " + dir.resolve("logs"));
    System.exit(0);
  }

  /**
   * {@code --nodes N} starts N nodes, each a worker with a read replica of its own; {@code
   * --node-cpu C} puts each node (or each worker, with {@code --workers}) in a CPU group of C
   * cores.
   */
  static ClusterSpec spec(Path dir, List<String> options) {
    boolean nodes = options.contains("--nodes");
    int workers = (int) number(options, nodes ? "--nodes" : "--workers", 2);
    String cpu = option(options, "--node-cpu", null);
    return ClusterSpec.defaults(dir, Launcher.ofThisJvm())
        .withWorkers(workers)
        .withReplicas(nodes)
        .withNodeCpu(cpu == null ? null : CpuBudget.parse(cpu))
        .withGateways((int) number(options, "--gateways", 1))
        .withGatewayPort((int) number(options, "--port", 8080))
        .withSampleTrips(number(options, "--sample-trips", 100_000));
  }

  /** Prints each process and whether it runs; true when all do. */
  private static boolean status(Path dir) {
    if (!ClusterState.file(dir).toFile().exists()) {
      System.out.println("no cluster in " + dir);
      return false;
    }
    ClusterState state = ClusterState.read(dir);
    boolean all = true;
    for (ClusterProcess p : state.processes()) {
      boolean alive = p.isAlive() && (p.role() != Role.DATABASE || Readiness.listening(p.port()));
      all &= alive;
      System.out.printf(
          "%-10s %-8s pid %-8d port %-6d %s%n",
          p.name(), alive ? "running" : "stopped", p.pid(), p.port(), p.log());
    }
    System.out.println("gateway: " + state.gateway());
    return all;
  }

  private static void restart(Path dir, List<String> options) {
    if (options.isEmpty() || options.get(0).startsWith("-")) {
      System.err.println("local-cluster: restart needs the name of a process (see 'status')");
      System.exit(2);
    }
    if (!ClusterState.file(dir).toFile().exists()) {
      System.err.println("local-cluster: no cluster in " + dir);
      System.exit(1);
    }
    try {
      ClusterProcess process = ProcessRestart.restart(dir, options.get(0));
      System.out.println("restarted " + process.name() + " (pid " + process.pid() + ")");
      System.exit(0);
    } catch (IllegalArgumentException | IllegalStateException e) {
      System.err.println("local-cluster: " + e.getMessage().lines().findFirst().orElse(""));
      System.exit(1);
    }
  }

  private static void stop(Path dir) {
    if (!ClusterState.file(dir).toFile().exists()) {
      System.out.println("no cluster in " + dir);
      return;
    }
    LocalCluster.stopAll(ClusterState.read(dir).processes(), Duration.ofSeconds(30));
    NodeGroups.removeDetached(dir);
    ClusterState.file(dir).toFile().delete();
    System.out.println("stopped");
  }

  /** A whole-number option; a malformed one fails with a message naming it. */
  static long number(List<String> options, String name, long fallback) {
    String value = option(options, name, null);
    if (value == null) {
      return fallback;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, got '" + value + "'");
    }
  }

  private static String option(List<String> options, String name, String fallback) {
    int i = options.indexOf(name);
    if (i >= 0 && i + 1 < options.size()) {
      return options.get(i + 1);
    }
    return fallback;
  }

  static final String USAGE =
      "usage: local-cluster.sh start|status|stop [--dir DIR] [--workers N | --nodes N]"
          + " [--node-cpu CORES] [--gateways N] [--port PORT] [--sample-trips N]\n"
          + "       local-cluster.sh restart NAME [--dir DIR]   (NAME as 'status' lists it)";

  private static void usage() {
    System.err.println(USAGE);
  }
}
