package dev.taxiscale.gateway;

import static dev.taxiscale.gateway.Fixtures.NEARBY_EMPIRE_STATE;
import static dev.taxiscale.gateway.Fixtures.NEARBY_NORTH_POLE;
import static dev.taxiscale.gateway.Fixtures.NEARBY_WITHOUT_POINT;
import static dev.taxiscale.gateway.Fixtures.NO_CABS;
import static dev.taxiscale.gateway.Fixtures.TYPED_NEARBY_EMPIRE_STATE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.taxiscale.pipeline.Problem;
import dev.taxiscale.pipeline.Reply;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The HTTP contract in direct mode, with a stub in place of the query engine. */
class GatewayApiTest {
  private static final GatewayConfig CONFIG =
      GatewayConfig.defaults().withPort(0).withMode(GatewayConfig.Mode.DIRECT);

  private final CountDownLatch release = new CountDownLatch(1);
  private Gateway gateway;
  private Http http;

  @AfterEach
  void stop() {
    release.countDown();
    gateway.close();
  }

  private void start(GatewayConfig config, long handlerMillis) {
    DirectBackend backend =
        new DirectBackend(
            json -> {
              pause(handlerMillis);
              return Reply.ok(NO_CABS.getBytes(UTF_8));
            },
            4);
    gateway =
        new Gateway(config, backend, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)).start();
    http = new Http(gateway.port());
  }

  private void start() {
    start(CONFIG, 0);
  }

  @Test
  void shouldAnswerANearbyRequestWithTheHandlersResult() {
    start();

    HttpResponse<String> response = http.postJson("/api/v1/nearby", NEARBY_EMPIRE_STATE);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    assertThat(response.body()).isEqualTo(NO_CABS);
  }

  @Test
  void shouldTakeTheQueryTypeFromTheBodyOnTheGenericPath() {
    start();

    assertThat(http.postJson("/api/v1/query", TYPED_NEARBY_EMPIRE_STATE).statusCode())
        .isEqualTo(200);
  }

  @Test
  void shouldRejectMalformedJsonNamingTheBody() {
    start();

    assertProblem(http.postJson("/api/v1/nearby", "{\"point\":"), 400, "body");
  }

  @Test
  void shouldRejectAWrongContentTypeNamingTheHeader() {
    start();

    assertProblem(
        http.post("/api/v1/nearby", "text/plain", NEARBY_EMPIRE_STATE), 400, "Content-Type");
  }

  @Test
  void shouldRejectAnOversizedBodyNamingTheBody() {
    start();
    String padded = NEARBY_EMPIRE_STATE.replace("}", " ".repeat(20_000) + "}");

    assertProblem(http.postJson("/api/v1/nearby", padded), 400, "body");
  }

  @Test
  void shouldRejectAnUnknownQueryTypeNamingTheType() {
    start();

    assertProblem(http.postJson("/api/v1/teleport", NEARBY_EMPIRE_STATE), 400, "type");
  }

  @Test
  void shouldRejectAnUnknownTypeInTheBodyNamingTheType() {
    start();

    assertProblem(http.postJson("/api/v1/query", "{\"type\":\"teleport\"}"), 400, "type");
  }

  @Test
  void shouldRejectATypeThatContradictsThePath() {
    start();

    assertProblem(http.postJson("/api/v1/fare", TYPED_NEARBY_EMPIRE_STATE), 400, "type");
  }

  @Test
  void shouldRejectAMissingFieldNamingIt() {
    start();

    assertProblem(http.postJson("/api/v1/nearby", NEARBY_WITHOUT_POINT), 400, "point");
  }

  @Test
  void shouldRejectAnInvalidValueNamingItsPath() {
    start();

    assertProblem(http.postJson("/api/v1/nearby", NEARBY_NORTH_POLE), 400, "point.lat");
  }

  @Test
  void shouldAnswer503WithRetryAfterWhenTooManyRequestsAreInFlight() throws Exception {
    start(CONFIG.withMaxInFlight(1), -1);
    Thread first = new Thread(() -> http.postJson("/api/v1/nearby", NEARBY_EMPIRE_STATE));
    first.start();
    awaitInFlight(1);

    HttpResponse<String> second = http.postJson("/api/v1/nearby", NEARBY_EMPIRE_STATE);

    assertProblem(second, 503, null);
    assertThat(second.headers().firstValue("Retry-After")).hasValue("1");
    release.countDown();
    first.join();
  }

  @Test
  void shouldAnswer504WhenTheReplyDoesNotComeInTime() {
    start(CONFIG.withRequestTimeout(Duration.ofMillis(200)), 2_000);

    assertProblem(http.postJson("/api/v1/nearby", NEARBY_EMPIRE_STATE), 504, null);
  }

  @Test
  void shouldServeTheOpenApiDescription() {
    start();

    HttpResponse<String> response = http.get("/api/v1/openapi.json");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"openapi\"", "/api/v1/nearby");
  }

  @Test
  void shouldReportHealthAndReadiness() {
    start();

    assertThat(http.get("/health").body()).contains("\"status\":\"up\"");
    assertThat(http.get("/ready").body()).contains("\"status\":\"ready\"", "\"mode\":\"direct\"");
  }

  @Test
  void shouldSayThatQueriesRunInProcessWhenAskedForTheWorkers() {
    start();

    assertThat(http.get("/workers").body())
        .contains("\"status\":\"in-process\"", "\"workers\":null", "\"consumerLag\":null");
  }

  @Test
  void shouldCountAnsweredRequestsInThePrometheusMetrics() {
    start();
    http.postJson("/api/v1/nearby", NEARBY_EMPIRE_STATE);

    String metrics = http.get("/metrics").body();

    assertThat(metrics)
        .contains("taxiscale_gateway_wait_seconds_count{query=\"nearby\",status=\"200\"} 1");
  }

  @Test
  void shouldAnswerAnUnknownApiPathWithAProblem() {
    start();

    assertProblem(http.get("/api/v1/nothing-here"), 404, null);
  }

  private void awaitInFlight(int n) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!http.get("/metrics").body().contains("taxiscale_gateway_in_flight " + n + ".0")) {
      assertThat(System.nanoTime()).as("request in flight within 5 s").isLessThan(deadline);
      Thread.sleep(10);
    }
  }

  private static void assertProblem(HttpResponse<String> response, int status, String field) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith(Problem.MEDIA_TYPE));
    Problem problem = Problem.fromJson(response.body().getBytes(UTF_8));
    assertThat(problem.status()).isEqualTo(status);
    assertThat(problem.field()).isEqualTo(field);
  }

  private void pause(long millis) {
    try {
      if (millis < 0) {
        release.await(10, TimeUnit.SECONDS);
      } else {
        Thread.sleep(millis);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
