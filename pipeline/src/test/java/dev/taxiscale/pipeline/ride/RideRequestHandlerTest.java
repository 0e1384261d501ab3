package dev.taxiscale.pipeline.ride;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.taxiscale.core.geo.Landmark;
import dev.taxiscale.core.query.QueryJson;
import dev.taxiscale.pipeline.Reply;
import dev.taxiscale.pipeline.RequestHandler;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The worker's side of a whole ride request, over a query handler that answers from memory. */
class RideRequestHandlerTest {
  private static final RideRequest TIMES_SQUARE_TO_GRAND_CENTRAL =
      new RideRequest(
          Landmark.TIMES_SQUARE.point(),
          new RideRequest.Position(-73.9772, 40.7527),
          LocalDateTime.of(2015, 1, 15, 8, 30));
  private static final byte[] EMPTY = "{\"type\":\"x\",\"notices\":[]}".getBytes(UTF_8);

  private final List<String> asked = new CopyOnWriteArrayList<>();

  /** Answers every part at once and notes its type; the demand part after {@code demandMillis}. */
  private RequestHandler queries(long demandMillis) {
    return json -> {
      String type = QueryJson.readRequest(json).type();
      asked.add(type);
      if (type.equals("heatmap")) {
        sleep(demandMillis);
      }
      return Reply.ok(EMPTY);
    };
  }

  @Test
  void shouldAnswerAWholeRideUnderTheRecordsCorrelationId() throws IOException {
    RideRequestHandler handler = new RideRequestHandler(queries(0));

    Reply reply =
        handler.handle(
            RideRequestJson.write(TIMES_SQUARE_TO_GRAND_CENTRAL),
            "ride-42",
            Instant.now().plusSeconds(5));

    JsonNode merged = QueryJson.mapper().readTree(reply.body());
    assertThat(reply.status()).isEqualTo(200);
    assertThat(merged.path("requestId").asText()).isEqualTo("ride-42");
    assertThat(merged.path("complete").asBoolean()).isTrue();
    assertThat(asked).containsExactlyInAnyOrder("nearby", "fare", "heatmap");
  }

  @Test
  void shouldEndBeforeTheRequestersDeadlineWithTheLatePartAsATimeout() throws IOException {
    RideRequestHandler handler = new RideRequestHandler(queries(20_000));
    long started = System.nanoTime();

    Reply reply =
        handler.handle(
            RideRequestJson.write(TIMES_SQUARE_TO_GRAND_CENTRAL),
            "ride-43",
            Instant.now().plusMillis(1_000));

    Duration took = Duration.ofNanos(System.nanoTime() - started);
    JsonNode merged = QueryJson.mapper().readTree(reply.body());
    assertThat(merged.path("problems").path("demand").path("status").asInt()).isEqualTo(504);
    assertThat(merged.path("fare").isObject()).isTrue();
    // answered by the requester's deadline, not when the late part ends
    assertThat(took).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void shouldRunTheFarePartBesideTheCheaperPartsWhichTakeTurns() {
    Map<String, long[]> ran = new ConcurrentHashMap<>();
    RequestHandler queries =
        json -> {
          String type = QueryJson.readRequest(json).type();
          long start = System.nanoTime();
          sleep(type.equals("fare") ? 1_000 : 100);
          ran.put(type, new long[] {start, System.nanoTime()});
          return Reply.ok(EMPTY);
        };

    new RideRequestHandler(queries)
        .handle(
            RideRequestJson.write(TIMES_SQUARE_TO_GRAND_CENTRAL),
            "ride-44",
            Instant.now().plusSeconds(5));

    assertThat(overlap(ran.get("fare"), ran.get("nearby"))).isTrue();
    assertThat(overlap(ran.get("fare"), ran.get("heatmap"))).isTrue();
    assertThat(overlap(ran.get("nearby"), ran.get("heatmap"))).isFalse();
  }

  private static boolean overlap(long[] a, long[] b) {
    return a[0] < b[1] && b[0] < a[1];
  }

  @Test
  void shouldPassAnyOtherRequestToTheQueryHandlerUnchanged() {
    byte[] nearby =
        QueryJson.writeBytes(RidePart.NEARBY.query(TIMES_SQUARE_TO_GRAND_CENTRAL).orElseThrow());
    RideRequestHandler handler = new RideRequestHandler(queries(0));

    Reply reply = handler.handle(nearby, "q-1", Instant.now().plusSeconds(5));

    assertThat(reply.body()).isEqualTo(EMPTY);
    assertThat(asked).containsExactly("nearby");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
