package dev.taxiscale.gateway;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.taxiscale.core.query.FareEstimateRequest;
import dev.taxiscale.core.query.HeatmapRequest;
import dev.taxiscale.core.query.QueryJson;
import dev.taxiscale.pipeline.Problem;
import dev.taxiscale.pipeline.Reply;
import dev.taxiscale.pipeline.RequestHandler;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The ride-request contract in direct mode, with stubs that fail or stall one kind of query. */
class RideRequestApiTest {
  /** A rider at Times Square going to Grand Central on a Thursday morning. */
  static final String TIMES_SQUARE_TO_GRAND_CENTRAL =
      "{\"pickup\":{\"lon\":-73.9855,\"lat\":40.7580},"
          + "\"destination\":{\"lon\":-73.9772,\"lat\":40.7527},\"time\":\"2015-01-15T08:30:00\"}";

  /** A ride request that forgot where the rider stands. */
  static final String WITHOUT_PICKUP = "{\"time\":\"2015-01-15T08:30:00\"}";

  private static final Duration DEADLINE = Duration.ofMillis(500);

  private final CountDownLatch release = new CountDownLatch(1);
  private Gateway gateway;

  @AfterEach
  void stop() {
    release.countDown();
    gateway.close();
  }

  @Test
  void shouldCarryTheOtherPartsWhenTheFarePartFails() {
    JsonNode reply = post(startFailing(FareEstimateRequest.TYPE), TIMES_SQUARE_TO_GRAND_CENTRAL);

    assertThat(reply.path("problems").path("fare").path("status").asInt()).isEqualTo(500);
    assertThat(reply.path("complete").asBoolean()).isFalse();
    assertThat(reply.path("nearby").path("cabs").isArray()).isTrue();
  }

  @Test
  void shouldAnswerByTheDeadlineWithTheStalledPartAsATimeout() {
    JsonNode reply = post(startStalling(HeatmapRequest.TYPE), TIMES_SQUARE_TO_GRAND_CENTRAL);

    assertThat(reply.path("problems").path("demand").path("status").asInt()).isEqualTo(504);
    assertThat(reply.path("nearby").path("cabs").isArray()).isTrue();
  }

  @Test
  void shouldLeaveTheFareOutWhenNoDestinationIsGiven() {
    JsonNode reply =
        post(
            startFailing("none"),
            "{\"pickup\":{\"lon\":-73.9855,\"lat\":40.7580},\"time\":\"2015-01-15T08:30:00\"}");

    assertThat(reply.has("fare")).isFalse();
    assertThat(reply.path("complete").asBoolean()).isTrue();
  }

  @Test
  void shouldRejectARideRequestWithoutAPickup() {
    startFailing("none");

    HttpResponse<String> response =
        new Http(gateway.port()).postJson("/api/v1/ride-request", WITHOUT_PICKUP);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(Problem.fromJson(response.body().getBytes(UTF_8)).field()).isEqualTo("pickup");
  }

  private JsonNode post(Gateway started, String body) {
    // the client waits ten times the deadline: a reply at all shows the deadline held
    HttpResponse<String> response =
        new Http(started.port(), DEADLINE.multipliedBy(10)).postJson("/api/v1/ride-request", body);
    assertThat(response.statusCode()).isEqualTo(200);
    try {
      return QueryJson.mapper().readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** A gateway whose queries of {@code type} fail and all others find no cabs. */
  private Gateway startFailing(String type) {
    return start(
        json ->
            typeOf(json).equals(type)
                ? Reply.of(Problem.internal("the " + type + " stub fails"))
                : Reply.ok(Fixtures.NO_CABS.getBytes(UTF_8)));
  }

  /** A gateway whose queries of {@code type} wait until the test is over. */
  private Gateway startStalling(String type) {
    return start(
        json -> {
          if (typeOf(json).equals(type)) {
            awaitRelease();
          }
          return Reply.ok(Fixtures.NO_CABS.getBytes(UTF_8));
        });
  }

  private Gateway start(RequestHandler handler) {
    GatewayConfig config =
        GatewayConfig.defaults()
            .withPort(0)
            .withMode(GatewayConfig.Mode.DIRECT)
            .withRequestTimeout(DEADLINE);
    gateway =
        new Gateway(
                config,
                new DirectBackend(handler, 4),
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))
            .start();
    return gateway;
  }

  private static String typeOf(byte[] json) {
    return QueryJson.readRequest(json).type();
  }

  private void awaitRelease() {
    try {
      release.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
