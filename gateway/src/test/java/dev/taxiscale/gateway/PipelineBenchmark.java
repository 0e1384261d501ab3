package dev.taxiscale.gateway;

import dev.taxiscale.broker.EmbeddedBroker;
import dev.taxiscale.core.query.GeoPoint;
import dev.taxiscale.core.query.NearbyCabsRequest;
import dev.taxiscale.core.query.QueryJson;
import dev.taxiscale.core.query.QueryRequest;
import dev.taxiscale.pipeline.TopicConfig;
import dev.taxiscale.pipeline.TopicSetup;
import dev.taxiscale.pipeline.broker.BrokerConfig;
import dev.taxiscale.store.Database;
import dev.taxiscale.store.EmbeddedDatabase;
import dev.taxiscale.store.query.QueryEngine;
import dev.taxiscale.worker.QueryHandler;
import dev.taxiscale.worker.QueryWorker;
import dev.taxiscale.worker.WorkerConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * End-to-end speed of nearby-cab requests on embedded everything (HTTP -> Kafka -> worker ->
 * PostgreSQL -> Kafka -> HTTP), against the same queries run directly over JDBC in the same run.
 *
 * <pre>
 * ./mvnw -q -pl gateway -am install -DskipTests
 * ./mvnw -q -pl gateway dependency:build-classpath -Dmdep.outputFile=target/bench.cp
 * java -Xmx3g -cp gateway/target/test-classes:gateway/target/classes:$(cat gateway/target/bench.cp) \
 *     dev.taxiscale.gateway.PipelineBenchmark [trips, default 200000] [seconds per phase, default 8] \
 *     [warm-up phases through Kafka, default 16]
 * </pre>
 *
 * <p>Takes about six minutes on 2 cores with the defaults. Each path, warmed up, runs three phases
 * with 64 closed-loop clients (throughput), then all run once with one client (latency at low
 * load): through Kafka, through the gateway's direct mode (HTTP without Kafka), and straight into
 * the query engine over JDBC. Clients keep one HTTP connection each through {@link GatewayClient}.
 * Each line also gives the CPU this JVM (gateway, broker, worker, clients) and its PostgreSQL spent
 * per request, steadier than rates on a busy machine.
 */
public final class PipelineBenchmark {
  private static final int POOL = 8;
  private static final int CLIENTS = 64;

  /** Measured phases per path, taken in turns. */
  private static final int ROUNDS = 3;

  private static final long SEED = 2015;

  /** Where the embedded PostgreSQL listens, to find its processes' CPU time. */
  private final int postgresPort;

  private PipelineBenchmark(int postgresPort) {
    this.postgresPort = postgresPort;
  }

  public static void main(String[] args) throws Exception {
    int trips = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    Duration phase = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 8);
    int warmUpPhases = args.length > 2 ? Integer.parseInt(args[2]) : 16;
    Path kafkaDir = Files.createTempDirectory("taxiscale-bench-kafka");
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (EmbeddedDatabase postgres = EmbeddedDatabase.startEphemeral();
        Database database = Database.open(postgres.config().withPoolSize(POOL));
        EmbeddedBroker broker = EmbeddedBroker.start(BrokerConfig.embeddedOnFreePorts(kafkaDir))) {
      SyntheticTrips.load(database.dataSource(), trips, SEED);
      TopicSetup.ensure(broker.bootstrapServers(), TopicConfig.defaults());
      QueryWorker worker =
          new QueryWorker(
              WorkerConfig.defaults(broker.bootstrapServers()).withConcurrency(POOL),
              QueryHandler.overDatabase(database.dataSource(), registry),
              registry);
      worker.start();
      GatewayConfig config = GatewayConfig.defaults().withPort(0);
      Gateway gateway = Gateway.overKafka(config, broker.bootstrapServers(), registry).start();
      Gateway direct =
          new Gateway(
                  config.withMode(GatewayConfig.Mode.DIRECT),
                  new DirectBackend(
                      QueryHandler.overDatabase(database.dataSource(), registry), POOL),
                  new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))
              .start();
      try {
        new PipelineBenchmark(postgres.port())
            .run(
                gateway.port(),
                direct.port(),
                new QueryEngine(database.dataSource()),
                trips,
                phase,
                warmUpPhases);
      } finally {
        direct.close();
        gateway.close();
        worker.close();
      }
    }
  }

  private void run(
      int kafkaPort,
      int directPort,
      QueryEngine engine,
      int trips,
      Duration phase,
      int warmUpPhases) {
    List<QueryRequest> requests = requests(1_000);
    List<byte[]> bodies = requests.stream().map(QueryJson::writeBytes).toList();
    ThreadLocal<GatewayClient> viaKafka = client(kafkaPort);
    ThreadLocal<GatewayClient> inProcess = client(directPort);
    Call overKafka = i -> post(viaKafka.get(), bodies.get(i % bodies.size()));
    Call overHttpOnly = i -> post(inProcess.get(), bodies.get(i % bodies.size()));
    Call overJdbc = i -> engine.execute(requests.get(i % requests.size()));

    System.out.printf(
        "trips loaded: %,d; phases of %d s; %d warm-up phases through Kafka%n",
        trips, phase.toSeconds(), warmUpPhases);
    // Each path is measured once warm, as a server that serves only it would be. Through Kafka that
    // takes long on 2 cores: the compiler threads take a quarter to half a core for about 100 s of
    // load (the broker's, Jetty's and the clients' code), and throughput rises until they stop.
    // Taking turns with the other paths instead recompiles the code they share for each in turn.
    Result pipeline = steady(overKafka, warmUpPhases, phase);
    report("HTTP+Kafka,  64 clients   ", pipeline);
    report("HTTP direct, 64 clients   ", steady(overHttpOnly, 2, phase));
    Result jdbc = steady(overJdbc, 2, phase);
    report("JDBC,        64 threads   ", jdbc);
    report("HTTP+Kafka,  1 client     ", closedLoop(1, phase, overKafka));
    report("HTTP direct, 1 client     ", closedLoop(1, phase, overHttpOnly));
    report("JDBC,        1 thread     ", closedLoop(1, phase, overJdbc));
    System.out.printf(
        "pipeline throughput / direct JDBC throughput: %.0f%%%n",
        100 * pipeline.perSecond() / jdbc.perSecond());
  }

  /** {@code warmUps} phases unmeasured, then {@link #ROUNDS} measured as one. */
  private Result steady(Call call, int warmUps, Duration phase) {
    for (int i = 0; i < warmUps; i++) {
      closedLoop(CLIENTS, phase, call);
    }
    Result measured = Result.NONE;
    for (int round = 0; round < ROUNDS; round++) {
      measured = measured.plus(closedLoop(CLIENTS, phase, call));
    }
    return measured;
  }

  private static List<QueryRequest> requests(int count) {
    Random random = new Random(SEED);
    List<QueryRequest> requests = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      GeoPoint place = SyntheticTrips.PLACES.get(random.nextInt(SyntheticTrips.PLACES.size()));
      requests.add(
          NearbyCabsRequest.nearest(
              SyntheticTrips.near(place, random),
              SyntheticTrips.WEEK_START.plusMinutes(
                  15 + random.nextInt(SyntheticTrips.WEEK_MINUTES - 15)),
              10));
    }
    return requests;
  }

  /** One kept-alive connection per client thread, as a browser or a load balancer keeps. */
  private static ThreadLocal<GatewayClient> client(int port) {
    return ThreadLocal.withInitial(
        () -> new GatewayClient("127.0.0.1", port, Duration.ofSeconds(30)));
  }

  private static void post(GatewayClient client, byte[] body) throws Exception {
    GatewayClient.Response response = client.post("/api/v1/nearby", body);
    if (response.status() != 200) {
      throw new IllegalStateException("status " + response.status());
    }
  }

  /** One request of a phase; {@code i} picks the request. */
  private interface Call {
    void run(int i) throws Exception;
  }

  /**
   * Completed requests, failures and their latencies over the phase, and the CPU this JVM and its
   * PostgreSQL spent on it: CPU per request is steadier than requests per second on a busy machine.
   */
  private record Result(
      long completed, long failed, Duration elapsed, Histogram latency, CpuTime cpu) {
    static final Result NONE = new Result(0, 0, Duration.ZERO, new Histogram(3), CpuTime.ZERO);

    /** Both phases as one: their requests, time, latencies and CPU together. */
    Result plus(Result other) {
      Histogram both = latency.copy();
      both.add(other.latency);
      return new Result(
          completed + other.completed,
          failed + other.failed,
          elapsed.plus(other.elapsed),
          both,
          cpu.plus(other.cpu));
    }

    double perSecond() {
      return completed * 1e9 / elapsed.toNanos();
    }

    double jvmMicrosPerRequest() {
      return cpu.jvmNanos() / 1e3 / Math.max(1, completed);
    }

    /** How much of a core the JIT compilers took: near 0 once the path is warm. */
    double compilerShare() {
      return cpu.compilerNanos() / (double) Math.max(1, elapsed.toNanos());
    }

    double postgresMicrosPerRequest() {
      return cpu.postgresNanos() / 1e3 / Math.max(1, completed);
    }
  }

  /** {@code clients} threads, each sending its next request when the previous one is answered. */
  private Result closedLoop(int clients, Duration length, Call call) {
    Recorder recorder = new Recorder(3);
    CpuTime cpuBefore = CpuTime.now(postgresPort);
    AtomicLong completed = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    long start = System.nanoTime();
    long end = start + length.toNanos();
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      int offset = c * 7919;
      Thread thread =
          new Thread(
              () -> {
                for (int i = offset; System.nanoTime() < end; i++) {
                  long t0 = System.nanoTime();
                  try {
                    call.run(i);
                    recorder.recordValue((System.nanoTime() - t0) / 1_000);
                    completed.incrementAndGet();
                  } catch (Exception e) {
                    failed.incrementAndGet();
                  }
                }
              });
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    return new Result(
        completed.get(),
        failed.get(),
        elapsed,
        recorder.getIntervalHistogram(),
        CpuTime.now(postgresPort).minus(cpuBefore));
  }

  private static void report(String name, Result r) {
    Histogram h = r.latency();
    System.out.printf(
        "%s %,8.0f req/s  p50 %6.2f ms  p99 %6.2f ms  p99.9 %6.2f ms  CPU/request: JVM %4.0f µs,"
            + " PostgreSQL %4.0f µs; JIT %2.0f%% of a core  (%,d ok, %,d failed)%n",
        name,
        r.perSecond(),
        h.getValueAtPercentile(50) / 1000.0,
        h.getValueAtPercentile(99) / 1000.0,
        h.getValueAtPercentile(99.9) / 1000.0,
        r.jvmMicrosPerRequest(),
        r.postgresMicrosPerRequest(),
        100 * r.compilerShare(),
        r.completed(),
        r.failed());
  }
}
