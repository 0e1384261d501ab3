package dev.taxiscale.gateway;

import dev.taxiscale.core.query.GeoPoint;
import dev.taxiscale.core.query.QueryJson;
import dev.taxiscale.pipeline.QueryHandler;
import dev.taxiscale.pipeline.TopicConfig;
import dev.taxiscale.pipeline.TopicSetup;
import dev.taxiscale.pipeline.broker.BrokerConfig;
import dev.taxiscale.pipeline.broker.EmbeddedBroker;
import dev.taxiscale.pipeline.ride.RidePart;
import dev.taxiscale.pipeline.ride.RideRequest;
import dev.taxiscale.pipeline.ride.RideRequestHandler;
import dev.taxiscale.pipeline.ride.RideRequestJson;
import dev.taxiscale.pipeline.worker.QueryWorker;
import dev.taxiscale.pipeline.worker.WorkerConfig;
import dev.taxiscale.store.Database;
import dev.taxiscale.store.EmbeddedDatabase;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Latency of a ride request through Kafka with two workers, against its parts asked one at a time
 * in the same run: the composite, its slowest part alone, and the parts one after another.
 *
 * <pre>
 * ./mvnw -o -q -pl gateway -am install -DskipTests
 * ./mvnw -o -q -pl gateway dependency:build-classpath -Dmdep.outputFile=target/bench.cp
 * java -Xmx2g -cp gateway/target/test-classes:gateway/target/classes:$(cat gateway/target/bench.cp) \
 *     dev.taxiscale.gateway.RideRequestBenchmark [trips, default 200000] [rides, default 200] \
 *     [warm-up passes, default 5]
 * </pre>
 *
 * <p>Takes two to three minutes on 2 cores. The rides are asked unmeasured first, five times by
 * default: after one pass the JIT compilers still take a core, and the parts alone then measured
 * 3.8-4.5 ms instead of 2.2-2.5 ms. Each ride is asked both ways, the order alternating so that
 * neither way always finds the database cache warmed by the other.
 */
public final class RideRequestBenchmark {
  private static final int WORKERS = 2;
  private static final int THREADS_PER_WORKER = 4;
  private static final long SEED = 2015;

  private RideRequestBenchmark() {}

  public static void main(String[] args) throws Exception {
    int trips = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    int rides = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    int warmUpPasses = args.length > 2 ? Integer.parseInt(args[2]) : 5;
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
        Client client = new Client(gateway.port());
        // until the broker's and clients' code is compiled, each hop costs several times what it
        // does after, and the compiling itself takes one of the two cores
        for (int pass = 0; pass < warmUpPasses; pass++) {
          measure(client, rides(rides), false);
        }
        measure(client, rides(rides), true);
      } finally {
        workers.forEach(QueryWorker::close);
      }
    }
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
