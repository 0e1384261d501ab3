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
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A cluster of two nodes, each a worker and its own read replica in a CPU group of half a core,
 * behind two gateways: the scale-out set-up of the benchmark, taken through its life. Needs root
 * for the CPU groups.
 */
@TestMethodOrder(OrderAnnotation.class)
class NodeClusterIntegrationTest {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  static LocalCluster cluster;

  @BeforeAll
  static void startCluster() throws IOException {
    Path dir =
        Files.createTempDirectory(
            Files.createDirectories(Path.of("target").toAbsolutePath()), "node-cluster-");
    cluster =
        LocalCluster.start(
            ClusterSpec.defaults(dir, Launcher.ofThisJvm())
                .withWorkers(2)
                .withReplicas(true)
                .withNodeCpu(new CpuBudget(0.5))
                .withGateways(2)
                .withSampleTrips(5_000)
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
  void eachNodeRunsItsWorkerAndItsReplicaInItsOwnCpuGroup() {
    Map<String, CpuGroup> groups = cluster.nodeGroups();

    assertThat(groups).containsOnlyKeys("node-1", "node-2");
    for (int node = 1; node <= 2; node++) {
      List<Long> members = groups.get("node-" + node).pids();
      assertThat(members).contains(pidOf("worker-" + node), pidOf("replica-" + node));
    }
  }

  @Test
  @Order(2)
  void everyGatewayAnswersFromTheReplicasWithoutAStalenessNotice() throws Exception {
    for (URI gateway : cluster.gateways()) {
      HttpResponse<String> response = nearby(gateway);

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).contains("\"cabs\":[{").doesNotContain("replica");
    }
  }

  @Test
  @Order(3)
  void requestsGetAnAnswerOrAnExplicitErrorWhileANodeIsKilled() throws Exception {
    cluster.nodeGroups().get("node-2").remove();

    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      statuses.add(nearby(cluster.gateways().get(i % 2)).statusCode());
    }

    // the lost node's partitions wait for the group to notice; those requests time out as 504
    assertThat(statuses).isSubsetOf(200, 503, 504).contains(200);
  }

  @Test
  @Order(4)
  void closingStopsEveryProcessAndRemovesEveryGroup() {
    List<ClusterProcess> processes = cluster.processes();
    Map<String, CpuGroup> groups = cluster.nodeGroups();

    cluster.close();

    assertThat(processes).noneMatch(ClusterProcess::isAlive);
    assertThat(groups.values()).allSatisfy(g -> assertThat(g.dirs()).noneMatch(Files::exists));
  }

  private static long pidOf(String name) {
    return cluster.processes().stream()
        .filter(p -> p.name().equals(name))
        .findFirst()
        .orElseThrow()
        .pid();
  }

  private static HttpResponse<String> nearby(URI gateway) throws IOException, InterruptedException {
    String body =
        """
        {"type": "nearby", "point": {"lon": -73.9855, "lat": 40.758}, "time": "%s", "k": 3}
        """
            .formatted(SampleWindow.start().plusHours(18));
    HttpRequest request =
        HttpRequest.newBuilder(gateway.resolve("/api/v1/nearby"))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
