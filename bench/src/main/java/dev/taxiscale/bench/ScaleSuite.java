package dev.taxiscale.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.taxiscale.cluster.ClusterProcess;
import dev.taxiscale.cluster.ClusterSpec;
import dev.taxiscale.cluster.CpuBudget;
import dev.taxiscale.cluster.Launcher;
import dev.taxiscale.cluster.LocalCluster;
import dev.taxiscale.pipeline.ride.RideRequest;
import dev.taxiscale.store.DbConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code taxiscale bench --suite scale}: starts a local cluster whose nodes each have a fixed CPU
 * budget, measures its warm capacity at each node count, adding nodes to the running cluster, and
 * the original plan's with/without table and the composite ride request on the way.
 */
public final class ScaleSuite {
  private static final Logger log = LoggerFactory.getLogger(ScaleSuite.class);

  /** Three windows in a row within this spread count as warm. */
  static final double STABLE_SPREAD = 0.05;

  private final ScaleOptions options;
  private final TimedLoad load = new TimedLoad();
  private final WorkerCounters counters = new WorkerCounters();
  private final List<String> notes = new ArrayList<>();

  public ScaleSuite(ScaleOptions options) {
    this.options = options;
  }

  public ScaleReport run() throws Exception {
    long start = System.nanoTime();
    ClusterSpec spec =
        ClusterSpec.defaults(options.reportDir().resolve("cluster"), Launcher.ofThisJvm())
            .withWorkers(1)
            .withReplicas(true)
            .withNodeCpu(options.nodeCpu())
            .withGateways(options.gateways())
            .withSampleTrips(options.rows())
            .withNodeJvmFlags(options.nodeJvmFlags())
            .withSessionTimeout(Duration.ofSeconds(10));
    progress("starting the cluster: primary, broker, 1 node, " + options.gateways() + " gateways");
    try (LocalCluster cluster = LocalCluster.start(spec);
        HikariDataSource primary = pool(cluster.database());
        GatewaySpread gateways = new GatewaySpread("gateways", cluster.gateways())) {
      RequestSet set =
          RequestSet.draw(
              DataBounds.of(primary), options.seed(), options.requests(), RequestSet.DEFAULT_TYPES);
      return measureAll(cluster, gateways, set, start);
    }
  }

  private ScaleReport measureAll(
      LocalCluster cluster, GatewaySpread gateways, RequestSet set, long start) throws Exception {
    List<ScalePoint> points = new ArrayList<>();
    List<WithWithout> withWithout = new ArrayList<>();
    List<ColdStart> coldStarts = new ArrayList<>();
    CompositeProbe composite = null;
    CompositeProbe compositeBursting = null;
    for (int nodes : options.nodes()) {
      if (nodes > 1) {
        ScalePoint last = points.get(points.size() - 1);
        coldStarts.add(grow(cluster, gateways, set, nodes, last.throughput() / last.nodes()));
      }
      ScalePoint point = measure(cluster, gateways, set, nodes);
      points.add(point);
      if (nodes == 1 || nodes == options.compareAt()) {
        withWithout.add(overload(gateways, set, nodes, points.get(0).throughput()));
      }
      if (nodes == options.compareAt()) {
        List<RideRequest> rides = CompositeProbe.rides(set);
        progress("composite ride requests at " + nodes + " nodes, quotas granted in bursts");
        compositeBursting = CompositeProbe.measure(cluster.gateway(), rides, 4);
        progress(compositeBursting.summary());
        // three parts bursting on three nodes at once share this machine's two cores with the
        // broker and the gateways; granted steadily, each node is a slower CPU of its own
        CpuBudget steady = options.nodeCpu().steady();
        progress("composite ride requests at " + nodes + " nodes, quotas granted steadily");
        cluster.limitNodes(steady);
        try {
          composite = CompositeProbe.measure(cluster.gateway(), rides, 4);
        } finally {
          cluster.limitNodes(options.nodeCpu());
        }
        progress(composite.summary());
      }
    }
    if (!options.nodeJvmFlags().isEmpty()) {
      notes.add("the nodes' JVMs ran with " + String.join(" ", options.nodeJvmFlags()));
    }
    if (load.firstError() != null) {
      notes.add("first error: " + load.firstError());
    }
    return ScaleReport.of(
        options,
        Machine.current(),
        points,
        withWithout,
        coldStarts,
        composite,
        compositeBursting,
        notes,
        (System.nanoTime() - start) / 1e9);
  }

  /** Warms the current nodes until throughput is stable, then measures one long window. */
  private ScalePoint measure(
      LocalCluster cluster, GatewaySpread gateways, RequestSet set, int nodes)
      throws InterruptedException {
    int clients = options.clientsPerNode() * nodes;
    Duration window = Duration.ofSeconds(options.windowSeconds());
    long warmStart = System.nanoTime();
    List<Double> rates = new ArrayList<>();
    boolean stable = false;
    while (!stable && System.nanoTime() - warmStart < options.warmUpLimitSeconds() * 1e9) {
      rates.add(load.run(gateways, set.requests(), clients, window).perSecond());
      stable = stable(rates);
      progress(
          String.format(
              java.util.Locale.ROOT,
              "%d nodes warming up: %.0f req/s",
              nodes,
              rates.get(rates.size() - 1)));
    }
    double warmSeconds = (System.nanoTime() - warmStart) / 1e9;
    CpuSnapshot cpuBefore = CpuSnapshot.of(cluster);
    Map<String, Long> answeredBefore = counters.read(cluster.workers());
    PathSummary s = load.run(gateways, set.requests(), clients, window.multipliedBy(2));
    CpuSnapshot cpuAfter = CpuSnapshot.of(cluster);
    Map<String, Long> answers =
        WorkerCounters.between(answeredBefore, counters.read(cluster.workers()));
    double mean = answers.values().stream().mapToLong(Long::longValue).average().orElse(0);
    double max = answers.values().stream().mapToLong(Long::longValue).max().orElse(0);
    ScalePoint point =
        new ScalePoint(
            nodes,
            clients,
            s.perSecond(),
            s.p50Micros() / 1e3,
            s.p99Micros() / 1e3,
            s.errors(),
            warmSeconds,
            stable,
            cpuAfter.coresSince(cpuBefore),
            cpuAfter.msPerRequestSince(cpuBefore, s.count()),
            answers,
            mean == 0 ? 0 : max / mean);
    progress(
        String.format(
            java.util.Locale.ROOT,
            "%d nodes: %.0f req/s, p50 %.1f ms, p99 %.1f ms, %d errors, warm after %.0f s",
            nodes,
            point.throughput(),
            point.p50Ms(),
            point.p99Ms(),
            point.errors(),
            warmSeconds));
    return point;
  }

  static boolean stable(List<Double> rates) {
    if (rates.size() < 3) {
      return false;
    }
    List<Double> last = rates.subList(rates.size() - 3, rates.size());
    double min = last.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    double max = last.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    return min > 0 && max / min - 1 <= STABLE_SPREAD;
  }

  /**
   * Adds nodes under load until {@code target} run, timing the first new one from its start until
   * it answers at 90% of the rate one node sustained before: the cold start an autoscaler waits.
   */
  private ColdStart grow(
      LocalCluster cluster, GatewaySpread gateways, RequestSet set, int target, double perNode)
      throws InterruptedException {
    progress("adding nodes up to " + target + " under load");
    int clients = options.clientsPerNode() * target;
    TimedLoad backgroundLoad = new TimedLoad();
    Thread background =
        new Thread(
            () -> {
              try {
                backgroundLoad.run(gateways, set.requests(), clients, Duration.ofMinutes(30));
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "scale-background-load");
    background.setDaemon(true);
    background.start();
    try {
      long started = System.nanoTime();
      ClusterProcess first = cluster.addWorker();
      double joinedSeconds = (System.nanoTime() - started) / 1e9;
      ColdStart cold = ColdStart.await(first, counters, perNode, started, joinedSeconds);
      progress(cold.describe());
      while (cluster.workers().size() < target) {
        cluster.addWorker();
      }
      return cold;
    } finally {
      backgroundLoad.stop();
      background.join();
    }
  }

  /** The distinct requests offered open-loop at {@code overload} times one node's capacity. */
  private WithWithout overload(
      GatewaySpread gateways, RequestSet set, int nodes, double oneNodeCapacity)
      throws InterruptedException {
    double rate = options.overload() * oneNodeCapacity;
    progress(
        String.format(
            java.util.Locale.ROOT, "with/without at %d nodes: %.0f req/s offered", nodes, rate));
    LoadRunner runner = new LoadRunner();
    PathSummary merged = null;
    for (int round = 0; round < 5; round++) {
      PathSummary one =
          runner.run(
              gateways, set.requests(), LoadMode.open(rate, Math.min(256, set.requests().size())));
      merged = merged == null ? one : merged.plus(one);
      Thread.sleep(2_000);
    }
    return WithWithout.of(nodes, rate, merged);
  }

  private static HikariDataSource pool(DbConfig database) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(database.jdbcUrl());
    config.setUsername(database.user());
    config.setPassword(database.password());
    config.setMaximumPoolSize(2);
    config.setPoolName("scale");
    return new HikariDataSource(config);
  }

  private static void progress(String line) {
    System.err.println("scale: " + line);
    log.debug(line);
  }
}
