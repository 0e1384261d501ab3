package dev.taxiscale.gateway;

import static dev.taxiscale.gateway.RideRequestApiTest.TIMES_SQUARE_TO_GRAND_CENTRAL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.taxiscale.broker.EmbeddedBroker;
import dev.taxiscale.core.query.QueryJson;
import dev.taxiscale.pipeline.Reply;
import dev.taxiscale.pipeline.TopicConfig;
import dev.taxiscale.pipeline.TopicSetup;
import dev.taxiscale.pipeline.broker.BrokerConfig;
import dev.taxiscale.pipeline.client.ReplyClient;
import dev.taxiscale.pipeline.ride.RidePart;
import dev.taxiscale.pipeline.ride.RideRequest;
import dev.taxiscale.pipeline.ride.RideRequestHandler;
import dev.taxiscale.pipeline.ride.RideRequestJson;
import dev.taxiscale.store.testing.MigratedPostgres;
import dev.taxiscale.worker.QueryHandler;
import dev.taxiscale.worker.QueryWorker;
import dev.taxiscale.worker.WorkerConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Ride requests through Kafka and three workers, against the same parts asked one by one. */
class RideRequestIntegrationTest {
  /** The same ride with a destination off Long Island, outside the service area. */
  private static final String TIMES_SQUARE_TO_MONTAUK =
      "{\"pickup\":{\"lon\":-73.9855,\"lat\":40.7580},"
          + "\"destination\":{\"lon\":-71.9545,\"lat\":41.0359},\"time\":\"2015-01-15T08:30:00\"}";

  @RegisterExtension static final MigratedPostgres postgres = new MigratedPostgres();
  @TempDir static Path dataDir;
  static EmbeddedBroker broker;
  static PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  static List<QueryWorker> workers;
  static List<PrometheusMeterRegistry> workerMeters = new ArrayList<>();
  static Gateway overKafka;
  static Gateway together;
  static Gateway direct;

  @BeforeAll
  static void start() throws Exception {
    SyntheticTrips.load(postgres.dataSource(), 5_000, 7);
    broker = EmbeddedBroker.start(BrokerConfig.embeddedOnFreePorts(dataDir));
    TopicSetup.ensure(broker.bootstrapServers(), new TopicConfig(4, 1, (short) 1));
    workers = List.of(worker(1), worker(2), worker(3));
    GatewayConfig config = GatewayConfig.defaults().withPort(0);
    overKafka = Gateway.overKafka(config, broker.bootstrapServers(), registry).start();
    together =
        Gateway.overKafka(
                config.withRideParts(RideParts.TOGETHER),
                broker.bootstrapServers(),
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))
            .start();
    direct =
        new Gateway(
                config.withMode(GatewayConfig.Mode.DIRECT),
                new DirectBackend(QueryHandler.overDatabase(postgres.dataSource(), registry), 4),
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))
            .start();
  }

  private static QueryWorker worker(int index) {
    PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    workerMeters.add(meters);
    QueryWorker worker =
        new QueryWorker(
            WorkerConfig.defaults(broker.bootstrapServers())
                .withConcurrency(2)
                .withClientId("ride-worker-" + index),
            new RideRequestHandler(QueryHandler.overDatabase(postgres.dataSource(), registry)),
            meters);
    worker.start();
    return worker;
  }

  @AfterAll
  static void stop() {
    overKafka.close();
    together.close();
    direct.close();
    workers.forEach(QueryWorker::close);
    broker.close();
  }

  @Test
  void shouldMergeTheSameAnswersAsThePartsAskedOneByOne() {
    JsonNode merged = post(overKafka, "/api/v1/ride-request", TIMES_SQUARE_TO_GRAND_CENTRAL);
    RideRequest ride = RideRequestJson.read(bytes(TIMES_SQUARE_TO_GRAND_CENTRAL));

    for (RidePart part : RidePart.values()) {
      String alone = QueryJson.write(part.query(ride).orElseThrow());
      assertThat(merged.get(part.field()))
          .as(part.field())
          .isEqualTo(post(overKafka, "/api/v1/query", alone));
    }
  }

  @Test
  void shouldFindCabsNearThePickupInTheMergedAnswer() {
    JsonNode merged = post(overKafka, "/api/v1/ride-request", TIMES_SQUARE_TO_GRAND_CENTRAL);

    assertThat(merged.path("nearby").path("cabs").size()).isPositive();
    assertThat(merged.path("demand").path("cells").size()).isPositive();
    assertThat(merged.path("complete").asBoolean()).isTrue();
  }

  @Test
  void shouldSendThePartsOfOneRideToThreeDifferentWorkers() throws InterruptedException {
    awaitWorkersSeenByTheGateway(overKafka, 3);
    long[] before = answersPerWorker();

    post(overKafka, "/api/v1/ride-request", TIMES_SQUARE_TO_GRAND_CENTRAL);

    assertThat(recordsAnsweredSince(before, 3)).containsExactly(1, 1, 1);
  }

  @Test
  void shouldSendARideWithItsPartsTogetherAsOneRecordToOneWorker() throws InterruptedException {
    awaitWorkersSeenByTheGateway(together, 3);
    long[] before = answersPerWorker();

    post(together, "/api/v1/ride-request", TIMES_SQUARE_TO_GRAND_CENTRAL);

    long[] added = recordsAnsweredSince(before, 1);
    // a second record would have been counted by now: the parts' answers came back with the ride
    Thread.sleep(200);
    assertThat(recordsAnsweredSince(before, 1)).isEqualTo(added);
    assertThat(Arrays.stream(added).sum()).isEqualTo(1);
  }

  @Test
  void shouldMergeTheSameAnswerWithThePartsTogetherAsApart() {
    JsonNode apart = post(overKafka, "/api/v1/ride-request", TIMES_SQUARE_TO_GRAND_CENTRAL);
    JsonNode whole = post(together, "/api/v1/ride-request", TIMES_SQUARE_TO_GRAND_CENTRAL);

    assertThat(whole.path("requestId").asText()).startsWith("ride-");
    assertThat(withoutRequestId(whole)).isEqualTo(withoutRequestId(apart));
  }

  @Test
  void shouldReportTheFarePartsProblemWithThePartsTogether() {
    JsonNode merged = post(together, "/api/v1/ride-request", TIMES_SQUARE_TO_MONTAUK);

    assertThat(merged.path("problems").path("fare").path("field").asText())
        .isEqualTo("destination.lon");
    assertThat(merged.path("nearby").path("cabs").size()).isPositive();
  }

  /** Records answered by each worker since {@code before}, once at least {@code expected} are. */
  private static long[] recordsAnsweredSince(long[] before, int expected)
      throws InterruptedException {
    long[] added = new long[workers.size()];
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    // a worker counts an answer once its reply is sent, which may be just after the gateway has it
    while (System.nanoTime() < deadline) {
      long[] now = answersPerWorker();
      for (int i = 0; i < added.length; i++) {
        added[i] = now[i] - before[i];
      }
      if (Arrays.stream(added).sum() >= expected) {
        break;
      }
      Thread.sleep(20);
    }
    return added;
  }

  private static void awaitWorkersSeenByTheGateway(Gateway gateway, int count)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode status = tree(bytes(new Http(gateway.port()).get("/workers").body()));
      // members join before the group hands them partitions: wait until each holds some
      boolean eachHoldsPartitions = true;
      for (JsonNode member : status.path("members")) {
        eachHoldsPartitions &= member.path("partitions").asInt() > 0;
      }
      if (status.path("workers").asInt() == count && eachHoldsPartitions) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the gateway never saw " + count + " workers each holding partitions");
  }

  private static long[] answersPerWorker() {
    return workerMeters.stream()
        .mapToLong(
            m ->
                m.find("taxiscale.worker.requests").timers().stream()
                    .mapToLong(t -> t.count())
                    .sum())
        .toArray();
  }

  @Test
  void shouldAnswerInDirectModeAsThroughKafka() {
    JsonNode viaKafka = post(overKafka, "/api/v1/ride-request", TIMES_SQUARE_TO_GRAND_CENTRAL);
    JsonNode inProcess = post(direct, "/api/v1/ride-request", TIMES_SQUARE_TO_GRAND_CENTRAL);

    assertThat(withoutRequestId(inProcess)).isEqualTo(withoutRequestId(viaKafka));
  }

  @Test
  void shouldReportADestinationOutsideTheServiceAreaAsTheFarePartsProblem() {
    JsonNode merged = post(overKafka, "/api/v1/ride-request", TIMES_SQUARE_TO_MONTAUK);

    assertThat(merged.path("problems").path("fare").path("field").asText())
        .isEqualTo("destination.lon");
    assertThat(merged.path("nearby").path("cabs").size()).isPositive();
  }

  @Test
  void shouldAnswerARideRequestSentStraightToTheRequestsTopic() throws Exception {
    JsonNode viaGateway = post(overKafka, "/api/v1/ride-request", TIMES_SQUARE_TO_GRAND_CENTRAL);
    byte[] typed =
        RideRequestJson.write(RideRequestJson.read(bytes(TIMES_SQUARE_TO_GRAND_CENTRAL)));

    try (ReplyClient client = new ReplyClient(broker.bootstrapServers(), "ride-test", registry)) {
      client.start();
      Reply reply = client.request("cell:0:0", typed, Duration.ofSeconds(10)).get();

      assertThat(withoutRequestId(tree(reply.body()))).isEqualTo(withoutRequestId(viaGateway));
    }
  }

  private static JsonNode post(Gateway gateway, String path, String body) {
    var response = new Http(gateway.port(), Duration.ofSeconds(10)).postJson(path, body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return tree(bytes(response.body()));
  }

  private static JsonNode withoutRequestId(JsonNode reply) {
    ObjectNode copy = reply.deepCopy();
    copy.remove("requestId");
    return copy;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static JsonNode tree(byte[] json) {
    try {
      return QueryJson.mapper().readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
