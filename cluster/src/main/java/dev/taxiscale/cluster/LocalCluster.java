package dev.taxiscale.cluster;

import dev.taxiscale.core.process.FreePorts;
import dev.taxiscale.pipeline.broker.BrokerConfig;
import dev.taxiscale.store.DbConfig;
import dev.taxiscale.store.EmbeddedDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A taxiscale cluster of separate processes on this machine: PostgreSQL, a Kafka broker, query
 * workers and a gateway, each its own JVM, as they would run on separate hosts. Tests use it for
 * scale-out and worker loss, the benchmark for its multi-worker runs, and {@code
 * deploy/local-cluster.sh} to run one from a shell.
 *
 * <pre>{@code
 * try (LocalCluster cluster = LocalCluster.start(ClusterSpec.defaults(dir, Launcher.ofThisJvm()))) {
 *   URI api = cluster.gateway().resolve("/api/v1/nearby");
 *   cluster.workers().get(0).kill();
 * }
 * }</pre>
 */
public final class LocalCluster implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
  private static final Duration STOP_PATIENCE = Duration.ofSeconds(30);

  private final ClusterSpec spec;
  private final ProcessStarter starter;
  // the shutdown hook reads it while the main thread may still be starting processes
  private final List<ClusterProcess> processes = new CopyOnWriteArrayList<>();
  private final Thread killOnExit;
  private final NodeGroups nodeGroups;
  private final List<URI> gateways = new ArrayList<>();
  private String jdbcUrl;
  private DbConfig database;
  private String bootstrapServers;
  private int workerCount;

  private LocalCluster(ClusterSpec spec, boolean detached) {
    this.spec = spec;
    this.starter = new ProcessStarter(spec.dir(), spec.launcher(), detached, spec.nodeJvmFlags());
    this.nodeGroups = NodeGroups.of(spec, detached);
    this.killOnExit = detached ? null : new Thread(this::killAll, "local-cluster-kill");
    if (killOnExit != null) {
      Runtime.getRuntime().addShutdownHook(killOnExit);
    }
  }

  /** Starts every process and returns once the gateway answers and each worker has partitions. */
  public static LocalCluster start(ClusterSpec spec) {
    return start(spec, false);
  }

  /**
   * @param detached whether the processes outlive this JVM (for the shell script); otherwise they
   *     are killed when it exits without {@link #close()}
   */
  public static LocalCluster start(ClusterSpec spec, boolean detached) {
    LocalCluster cluster = new LocalCluster(spec, detached);
    try {
      cluster.startAll();
      return cluster;
    } catch (RuntimeException e) {
      String logs = cluster.logTails();
      cluster.close();
      throw new IllegalStateException(e.getMessage() + logs, e);
    }
  }

  private void startAll() {
    try {
      Files.createDirectories(spec.dir());
      // the state file releases the processes of a detached cluster: none from an earlier start
      Files.deleteIfExists(ClusterState.file(spec.dir()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Set<String> cli = CliCommands.of(spec.launcher());
    startDatabase();
    startBroker();
    if (spec.sampleTrips() > 0) {
      loadSample();
    }
    // one at a time, each in the group before the next: JVMs starting together on a small
    // machine starve each other's Kafka clients
    for (int i = 0; i < spec.workers(); i++) {
      addWorkerProcess(cli);
      awaitWorkers();
    }
    for (int i = 0; i < spec.gateways(); i++) {
      startGateway(cli);
    }
    state().write(spec.dir());
  }

  private void startDatabase() {
    int port = FreePorts.pick();
    ClusterProcess db =
        starter.start(
            "postgres",
            Role.DATABASE,
            port,
            DatabaseProcess.class.getName(),
            spec.replicas()
                ? List.of(spec.dir().resolve("postgres").toString(), "" + port, "primary")
                : List.of(spec.dir().resolve("postgres").toString(), "" + port),
            Map.of());
    processes.add(db);
    Readiness.until(
        "PostgreSQL", START_TIMEOUT, db, () -> Readiness.logContains(db.log(), "PostgreSQL ready"));
    database = EmbeddedDatabase.configFor(spec.dir().resolve("postgres"), port);
    jdbcUrl = database.jdbcUrl();
  }

  private void startBroker() {
    int port = FreePorts.pick();
    int controller = FreePorts.pick();
    ClusterProcess broker =
        starter.start(
            "kafka",
            Role.BROKER,
            port,
            BrokerProcess.class.getName(),
            List.of(spec.dir().resolve("kafka").toString(), "" + port, "" + controller),
            Map.of());
    processes.add(broker);
    Readiness.until(
        "Kafka", START_TIMEOUT, broker, () -> Readiness.logContains(broker.log(), "Kafka ready"));
    bootstrapServers = "127.0.0.1:" + port;
  }

  private void loadSample() {
    String file = spec.dir().resolve("sample/trips.csv").toString();
    starter.run(
        "generate",
        List.of(
            "generate",
            "--format",
            "yellow-2014",
            "--rows",
            "" + spec.sampleTrips(),
            "--start",
            SampleWindow.DAY.toString(),
            "--days",
            "1",
            "-o",
            file),
        Map.of());
    starter.run("ingest", List.of("ingest", file), common());
  }

  /** Starts a worker without waiting for it; {@link #awaitWorkers()} waits until it has joined. */
  private ClusterProcess addWorkerProcess(Set<String> cli) {
    workerCount++;
    String name = "worker-" + workerCount;
    CpuGroup group = nodeGroups.create("node-" + workerCount);
    int metricsPort = FreePorts.pick();
    Map<String, String> env = common();
    if (spec.replicas()) {
      env.put("TAXISCALE_JDBC_URL", startReplica(workerCount, group));
    }
    env.put("TAXISCALE_WORKER_ID", name);
    env.put("TAXISCALE_WORKER_METRICS_PORT", "" + metricsPort);
    env.put("TAXISCALE_WORKER_THREADS", "4");
    ClusterProcess worker =
        cli.contains("worker")
            ? starter.start(
                name, Role.WORKER, metricsPort, CliCommands.MAIN, List.of("worker"), env, group)
            : starter.start(
                name,
                Role.WORKER,
                metricsPort,
                "dev.taxiscale.worker.WorkerMain",
                List.of(),
                env,
                group);
    processes.add(worker);
    return worker;
  }

  /** Seeds and starts a node's read replica in its CPU group; returns its JDBC URL. */
  private String startReplica(int node, CpuGroup group) {
    int port = FreePorts.pick();
    int primaryPort = URI.create(jdbcUrl.substring("jdbc:".length())).getPort();
    ClusterProcess replica =
        starter.start(
            "replica-" + node,
            Role.REPLICA,
            port,
            ReplicaProcess.class.getName(),
            List.of(
                spec.dir().resolve("postgres").toString(),
                "" + primaryPort,
                "node_" + node,
                spec.dir().resolve("replica-" + node).toString(),
                "" + port),
            common(),
            group);
    processes.add(replica);
    Readiness.until(
        "replica-" + node,
        START_TIMEOUT,
        replica,
        () -> Readiness.logContains(replica.log(), "PostgreSQL replica ready"));
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
  }

  private void startGateway(Set<String> cli) {
    boolean first = gateways.isEmpty();
    int port = first && spec.gatewayPort() != 0 ? spec.gatewayPort() : FreePorts.pick();
    String name = first ? "gateway" : "gateway-" + (gateways.size() + 1);
    Map<String, String> env = common();
    env.put("TAXISCALE_HTTP_HOST", "127.0.0.1");
    env.put("TAXISCALE_HTTP_PORT", "" + port);
    ClusterProcess gw =
        cli.contains("gateway")
            ? starter.start(name, Role.GATEWAY, port, CliCommands.MAIN, List.of("gateway"), env)
            : starter.start(
                name, Role.GATEWAY, port, "dev.taxiscale.gateway.GatewayMain", List.of(), env);
    processes.add(gw);
    URI base = URI.create("http://127.0.0.1:" + port + "/");
    gateways.add(base);
    Readiness.until(
        name + " readiness", START_TIMEOUT, gw, () -> Readiness.answers200(base.resolve("/ready")));
  }

  /** The settings every application process gets. */
  private Map<String, String> common() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("TAXISCALE_JDBC_URL", jdbcUrl);
    env.put("TAXISCALE_DB_USER", database.user());
    env.put("TAXISCALE_DB_PASSWORD", database.password());
    env.put(BrokerConfig.ENV_BOOTSTRAP, bootstrapServers);
    env.put("TAXISCALE_DATA_DIR", spec.dir().resolve("data").toString());
    env.put("TAXISCALE_WORKER_SESSION_TIMEOUT_MS", "" + spec.sessionTimeout().toMillis());
    return env;
  }

  /** Starts one more worker and waits until the group has handed it partitions. */
  public ClusterProcess addWorker() {
    ClusterProcess worker = addWorkerProcess(CliCommands.of(spec.launcher()));
    awaitWorkers();
    state().write(spec.dir());
    return worker;
  }

  /** Waits until every live worker is in the group with partitions of its own. */
  public void awaitWorkers() {
    List<ClusterProcess> live = workers().stream().filter(ClusterProcess::isAlive).toList();
    try (WorkerGroup group = new WorkerGroup(bootstrapServers)) {
      Readiness.until(
          live.size() + " workers in the consumer group",
          START_TIMEOUT,
          live,
          () -> group.hasAssigned(live.size()));
    }
  }

  /** The first gateway. */
  public URI gateway() {
    return gateways.get(0);
  }

  /** Every gateway, for clients that spread their requests as a Kubernetes Service would. */
  public List<URI> gateways() {
    return List.copyOf(gateways);
  }

  /** Each node's CPU group by node name ({@code node-1}...); empty without a node budget. */
  public Map<String, CpuGroup> nodeGroups() {
    return nodeGroups.groups();
  }

  /**
   * Gives every node, and the nodes added from now on, this CPU budget, while they run: the scale
   * suite's composite probe compares quotas granted in bursts with the same share granted steadily.
   */
  public void limitNodes(CpuBudget budget) {
    nodeGroups.limit(budget);
  }

  /** How the application's processes reach the primary: URL and the application role's login. */
  public DbConfig database() {
    return database;
  }

  public String jdbcUrl() {
    return jdbcUrl;
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  public List<ClusterProcess> processes() {
    return List.copyOf(processes);
  }

  public List<ClusterProcess> workers() {
    return processes.stream().filter(p -> p.role() == Role.WORKER).toList();
  }

  public ClusterState state() {
    return new ClusterState(gateway(), jdbcUrl, bootstrapServers, processes());
  }

  /** Stops every process, newest first, each given time to shut down cleanly. */
  @Override
  public void close() {
    stopAll(processes(), STOP_PATIENCE);
    nodeGroups.close();
    if (killOnExit != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(killOnExit);
      } catch (IllegalStateException e) {
        // the JVM is already exiting; the hook is running or has run
      }
    }
  }

  /** Stops the processes of a state, as {@code local-cluster.sh stop} does from another JVM. */
  public static void stopAll(List<ClusterProcess> processes, Duration patience) {
    List<ClusterProcess> newestFirst = new ArrayList<>(processes);
    java.util.Collections.reverse(newestFirst);
    newestFirst.forEach(p -> p.stop(patience));
  }

  /** The last lines of every process's log, to say why a start failed. */
  private String logTails() {
    StringBuilder tails = new StringBuilder();
    for (ClusterProcess p : processes) {
      try {
        List<String> lines = Files.readAllLines(p.log());
        tails.append("\n--- ").append(p.name()).append(" (").append(p.log()).append(")\n");
        lines
            .subList(Math.max(0, lines.size() - 15), lines.size())
            .forEach(line -> tails.append(line).append('\n'));
      } catch (IOException e) {
        tails.append("\n--- ").append(p.name()).append(": no log");
      }
    }
    return tails.toString();
  }

  private void killAll() {
    processes.forEach(ClusterProcess::kill);
    nodeGroups.close();
  }
}
