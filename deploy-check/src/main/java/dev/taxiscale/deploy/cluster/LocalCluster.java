package dev.taxiscale.deploy.cluster;

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
  private final List<ClusterProcess> processes = new ArrayList<>();
  private final Thread killOnExit;
  private String jdbcUrl;
  private DbConfig database;
  private String bootstrapServers;
  private URI gateway;
  private int workerCount;

  private LocalCluster(ClusterSpec spec, boolean detached) {
    this.spec = spec;
    this.starter = new ProcessStarter(spec.dir(), spec.launcher(), detached);
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
    startGateway(cli);
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
            List.of(spec.dir().resolve("postgres").toString(), "" + port),
            Map.of());
    processes.add(db);
    Await.until(
        "PostgreSQL", START_TIMEOUT, db, () -> Await.logContains(db.log(), "PostgreSQL ready"));
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
    Await.until(
        "Kafka", START_TIMEOUT, broker, () -> Await.logContains(broker.log(), "Kafka ready"));
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
    int metricsPort = FreePorts.pick();
    Map<String, String> env = common();
    env.put("TAXISCALE_WORKER_ID", name);
    env.put("TAXISCALE_WORKER_METRICS_PORT", "" + metricsPort);
    env.put("TAXISCALE_WORKER_THREADS", "4");
    ClusterProcess worker =
        cli.contains("worker")
            ? starter.start(
                name, Role.WORKER, metricsPort, CliCommands.MAIN, List.of("worker"), env)
            : starter.start(
                name,
                Role.WORKER,
                metricsPort,
                "dev.taxiscale.pipeline.worker.WorkerMain",
                List.of(),
                env);
    processes.add(worker);
    return worker;
  }

  private void startGateway(Set<String> cli) {
    int port = spec.gatewayPort() == 0 ? FreePorts.pick() : spec.gatewayPort();
    Map<String, String> env = common();
    env.put("TAXISCALE_HTTP_HOST", "127.0.0.1");
    env.put("TAXISCALE_HTTP_PORT", "" + port);
    ClusterProcess gw =
        cli.contains("gateway")
            ? starter.start(
                "gateway", Role.GATEWAY, port, CliCommands.MAIN, List.of("gateway"), env)
            : starter.start(
                "gateway", Role.GATEWAY, port, "dev.taxiscale.gateway.GatewayMain", List.of(), env);
    processes.add(gw);
    gateway = URI.create("http://127.0.0.1:" + port + "/");
    Await.until(
        "gateway readiness", START_TIMEOUT, gw, () -> Await.answers200(gateway.resolve("/ready")));
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
      Await.until(
          live.size() + " workers in the consumer group",
          START_TIMEOUT,
          live,
          () -> group.hasAssigned(live.size()));
    }
  }

  public URI gateway() {
    return gateway;
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
    return new ClusterState(gateway, jdbcUrl, bootstrapServers, processes());
  }

  /** Stops every process, newest first, each given time to shut down cleanly. */
  @Override
  public void close() {
    stopAll(processes(), STOP_PATIENCE);
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
  }
}
