package dev.taxiscale.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * One cluster of separate processes (PostgreSQL, Kafka, two workers, a gateway) on this machine,
 * taken through its life: it answers, loses a worker and keeps answering, and stops cleanly.
 */
@TestMethodOrder(OrderAnnotation.class)
class LocalClusterIntegrationTest {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  static LocalCluster cluster;

  @BeforeAll
  static void startCluster() throws IOException {
    // under target/, so that the processes' logs outlive a failed run
    Path dir =
        Files.createTempDirectory(
            Files.createDirectories(Path.of("target").toAbsolutePath()), "local-cluster-");
    cluster =
        LocalCluster.start(
            ClusterSpec.defaults(dir, Launcher.ofThisJvm())
                .withWorkers(2)
                .withSampleTrips(20_000)
                .withSessionTimeout(Duration.ofSeconds(6)));
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  @Order(1)
  void theGatewayAnswersARideSearchOverTheLoadedTrips() throws Exception {
    HttpResponse<String> response = post("rides", midtownRides());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"type\":\"rides\"").doesNotContain("\"total\":0,");
  }

  @Test
  @Order(2)
  void requestsForEveryAreaAreAnsweredAfterAWorkerIsKilled() throws Exception {
    cluster.workers().get(0).kill();
    cluster.awaitWorkers();

    List<Integer> statuses = new ArrayList<>();
    for (String request : nearbyAcrossManhattan()) {
      statuses.add(post("nearby", request).statusCode());
    }

    assertThat(statuses).containsOnly(200);
  }

  @Test
  @Order(3)
  void closingStopsEveryProcess() {
    List<ClusterProcess> processes = cluster.processes();

    cluster.close();

    assertThat(processes).noneMatch(ClusterProcess::isAlive);
  }

  private static HttpResponse<String> post(String type, String body)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(cluster.gateway().resolve(URI.create("/api/v1/" + type)))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static String midtownRides() {
    return """
        {"type": "rides",
         "pickupBox": {"west": -74.02, "south": 40.70, "east": -73.93, "north": 40.82},
         "window": {"from": "%s", "to": "%s"}, "pageSize": 10}
        """
        .formatted(SampleWindow.start(), SampleWindow.end());
  }

  /** Sixteen points from the Battery to Harlem: areas that spread over the request partitions. */
  private static List<String> nearbyAcrossManhattan() {
    List<String> requests = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      double lon = -74.015 + i * 0.004;
      double lat = 40.705 + i * 0.006;
      requests.add(
          """
          {"type": "nearby", "point": {"lon": %s, "lat": %s}, "time": "%s", "k": 3}
          """
              .formatted(
                  String.format(Locale.ROOT, "%.4f", lon),
                  String.format(Locale.ROOT, "%.4f", lat),
                  SampleWindow.start().plusHours(18)));
    }
    return requests;
  }
}
