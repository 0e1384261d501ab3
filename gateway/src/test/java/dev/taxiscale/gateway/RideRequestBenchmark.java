package dev.taxiscale.gateway;

import dev.taxiscale.broker.EmbeddedBroker;
import dev.taxiscale.core.query.GeoPoint;
import dev.taxiscale.core.query.QueryJson;
import dev.taxiscale.pipeline.TopicConfig;
import dev.taxiscale.pipeline.TopicSetup;
import dev.taxiscale.pipeline.broker.BrokerConfig;
import dev.taxiscale.pipeline.ride.RidePart;
import dev.taxiscale.pipeline.ride.RideRequest;
import dev.taxiscale.pipeline.ride.RideRequestHandler;
import dev.taxiscale.pipeline.ride.RideRequestJson;
import dev.taxiscale.store.Database;
import dev.taxiscale.store.EmbeddedDatabase;
import dev.taxiscale.worker.QueryHandler;
import dev.taxiscale.worker.QueryWorker;
import dev.taxiscale.worker.WorkerConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Latency of a ride request through Kafka with two workers, against its parts asked one at a time
 * in the same run: the composite, its slowest part alone, and the parts one after another.
 *
 * <pre>
 * ./mvnw -q -pl gateway -am install -DskipTests
 * ./mvnw -q -pl gateway dependency:build-classpath -Dmdep.outputFile=target/bench.cp
 * java -Xmx2g -cp gateway/target/test-classes:gateway/target/classes:$(cat gateway/target/bench.cp) \
 *     dev.taxiscale.gateway.RideRequestBenchmark [trips, default 200000] [rides, default 200] \
 *     [warm-up seconds, default 90]
 * </pre>
 *
 * <p>Takes about three minutes on 2 cores. The rides are asked unmeasured first, by {@value
 * #WARM_UP_CLIENTS} clients at once until the warm-up time is over: after one pass one at a time
 * the JIT compilers still took a third of the CPU, and the parts alone measured 3.8-4.5 ms instead
 * of 2.2-2.5 ms. The report gives the compilers' share during the measured pass. Each ride is asked
 * both ways, the order alternating so that neither way always finds the database cache warmed by
 * the other.
 */
public final class RideRequestBenchmark {
  private static final int WORKERS = 2;
  private static final int THREADS_PER_WORKER = 4;
  private static final int WARM_UP_CLIENTS = 6;
  private static final long SEED = 2015;

  private RideRequestBenchmark() {}

  public static void main(String[] args) throws Exception {
    int trips = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    int rides = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    Duration warmUp = Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 90);
    Path kafkaDir = Files.createTempDirectory("taxiscale-ride-bench-kafka");
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (EmbeddedDatabase postgres = EmbeddedDatabase.startEphemeral();
        Database database =
            Database.open(postgres.config().withPoolSize(WORKERS * THREADS_PER_WORKER));
        EmbeddedBroker broker = EmbeddedBroker.start(BrokerConfig.embeddedOnFreePorts(kafkaDir))) {
      SyntheticTrips.load(database.dataSource(), trips, SEED);
      TopicSetup.ensure(broker.bootstrapServers(), TopicConfig.defaults());
      List<QueryWorker> workers = new ArrayList<>();
      for (int i = 1; i <= WORKERS; i++) {
        QueryWorker worker =
            new QueryWorker(
                WorkerConfig.defaults(broker.bootstrapServers())
                    .withConcurrency(THREADS_PER_WORKER)
                    .withClientId("ride-bench-worker-" + i),
                new RideRequestHandler(QueryHandler.overDatabase(database.dataSource(), registry)),
                registry);
        worker.start();
        workers.add(worker);
      }
      GatewayConfig config = GatewayConfig.defaults().withPort(0);
      try (Gateway gateway =
          Gateway.overKafka(config, broker.bootstrapServers(), registry).start()) {
        System.out.printf("trips loaded: %,d; %d workers; %d rides%n", trips, WORKERS, rides);
        warmUp(gateway.port(), rides(rides), warmUp);
        CpuTime before = CpuTime.now(postgres.port());
        long start = System.nanoTime();
        measure(new Client(gateway.port()), rides(rides), true);
        CpuTime used = CpuTime.now(postgres.port()).minus(before);
        System.out.printf(
            "while measuring: JIT compilers %.0f%% of a core; CPU per ride (a composite and its"
                + " parts alone): JVM %.1f ms, PostgreSQL %.1f ms%n",
            100.0 * used.compilerNanos() / (System.nanoTime() - start),
            used.jvmNanos() / 1e6 / rides,
            used.postgresNanos() / 1e6 / rides);
      } finally {
        workers.forEach(QueryWorker::close);
      }
    }
  }

  /** Asks the rides as {@link #measure} does, from several clients at once, until time is up. */
  private static void warmUp(int port, List<RideRequest> rides, Duration length)
      throws InterruptedException {
    long end = System.nanoTime() + length.toNanos();
    AtomicLong failed = new AtomicLong();
    List<Thread> clients = new ArrayList<>();
    for (int c = 0; c < WARM_UP_CLIENTS; c++) {
      int first = c;
      Thread thread =
          new Thread(
              () -> {
                Client client = new Client(port);
                for (int i = first; System.nanoTime() < end; i += WARM_UP_CLIENTS) {
                  try {
                    measure(client, List.of(rides.get(i % rides.size())), false);
                  } catch (Exception e) {
                    failed.incrementAndGet();
                  }
                }
              });
      thread.start();
      clients.add(thread);
    }
    for (Thread thread : clients) {
      thread.join();
    }
    System.out.printf(
        "warmed up for %d s with %d clients (%d failed)%n",
        length.toSeconds(), WARM_UP_CLIENTS, failed.get());
  }

  private static void measure(Client client, List<RideRequest> rides, boolean report)
      throws Exception {
    long[] composite = new long[rides.size()];
    long[] slowest = new long[rides.size()];
    long[] sequential = new long[rides.size()];
    long[][] parts = new long[RidePart.values().length][rides.size()];
    for (int i = 0; i < rides.size(); i++) {
      RideRequest ride = rides.get(i);
      if (i % 2 == 0) {
        composite[i] = client.time("/api/v1/ride-request", RideRequestJson.write(ride));
      }
      for (RidePart part : RidePart.values()) {
        long alone = client.time("/api/v1/query", QueryJson.writeBytes(part.query(ride).get()));
        parts[part.ordinal()][i] = alone;
        slowest[i] = Math.max(slowest[i], alone);
        sequential[i] += alone;
      }
      if (i % 2 == 1) {
        composite[i] = client.time("/api/v1/ride-request", RideRequestJson.write(ride));
      }
    }
    if (report) {
      report("ride request (parts in parallel)", composite);
      report("slowest part alone              ", slowest);
      report("parts one after another         ", sequential);
      for (RidePart part : RidePart.values()) {
        report(String.format("  %-30s", part.field() + " alone"), parts[part.ordinal()]);
      }
      System.out.printf(
          "median composite / median slowest part: %.2f%n",
          (double) percentile(composite, 50) / percentile(slowest, 50));
    }
  }

  private static List<RideRequest> rides(int count) {
    Random random = new Random(SEED);
    List<RideRequest> rides = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      GeoPoint from = place(random);
      GeoPoint to = place(random);
      rides.add(
          new RideRequest(
              from,
              new RideRequest.Position(to.lon(), to.lat()),
              SyntheticTrips.WEEK_START.plusMinutes(
                  60 + random.nextInt(SyntheticTrips.WEEK_MINUTES - 60))));
    }
    return rides;
  }

  private static GeoPoint place(Random random) {
    GeoPoint place = SyntheticTrips.PLACES.get(random.nextInt(SyntheticTrips.PLACES.size()));
    return SyntheticTrips.near(place, random);
  }

  private static void report(String label, long[] nanos) {
    System.out.printf(
        "%s p50 %6.1f ms  p90 %6.1f ms%n",
        label, percentile(nanos, 50) / 1e6, percentile(nanos, 90) / 1e6);
  }

  private static long percentile(long[] values, int p) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[Math.min(sorted.length - 1, sorted.length * p / 100)];
  }

  /** Posts JSON to the gateway over one kept-alive connection and times the answer. */
  private record Client(GatewayClient http) {
    Client(int port) {
      this(new GatewayClient("127.0.0.1", port, Duration.ofSeconds(30)));
    }

    long time(String path, byte[] body) throws Exception {
      long start = System.nanoTime();
      GatewayClient.Response response = http.post(path, body);
      long nanos = System.nanoTime() - start;
      if (response.status() != 200 || response.text().contains("\"problems\"")) {
        throw new IllegalStateException(path + " answered " + response.text());
      }
      return nanos;
    }
  }
}
