package dev.taxiscale.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taxiscale.broker.EmbeddedBroker;
import dev.taxiscale.pipeline.TopicConfig;
import dev.taxiscale.pipeline.TopicSetup;
import dev.taxiscale.pipeline.Topics;
import dev.taxiscale.pipeline.broker.BrokerConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway over a real broker reports the workers' consumer group at {@code /workers}, the JSON
 * the web app's live panel reads, and the same figures at {@code /metrics}.
 */
class WorkerGroupIntegrationTest {
  private static final int PARTITIONS = 4;
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @TempDir Path dataDir;
  EmbeddedBroker broker;
  Gateway gateway;
  Http http;

  @BeforeEach
  void start() {
    broker = EmbeddedBroker.start(BrokerConfig.embeddedOnFreePorts(dataDir));
    TopicSetup.ensure(broker.bootstrapServers(), new TopicConfig(PARTITIONS, 1, (short) 1));
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    GatewayConfig config = GatewayConfig.defaults().withPort(0);
    gateway = Gateway.overKafka(config, broker.bootstrapServers(), registry).start();
    http = new Http(gateway.port());
  }

  @AfterEach
  void stop() {
    gateway.close();
    broker.close();
  }

  @Test
  void shouldCountTheWorkersAsTheyJoinTheGroup() throws Exception {
    awaitGroup("no workers yet", group -> group.path("workers").asInt(-1) == 0);
    assertThat(gauge("taxiscale_workers")).isEqualTo(0);

    try (GroupMember first = member("worker-a");
        GroupMember second = member("worker-b")) {
      JsonNode group = awaitGroup("two workers holding all partitions", this::twoWorkersHoldAll);

      assertThat(gauge("taxiscale_workers")).isEqualTo(2);
      assertThat(group.path("members").findValues("partitions"))
          .extracting(JsonNode::asInt)
          .containsExactly(PARTITIONS / 2, PARTITIONS / 2);
      assertThat(group.path("members").findValuesAsText("clientId"))
          .containsExactlyInAnyOrder("worker-a", "worker-b");
    }
  }

  @Test
  void shouldShowRequestsPilingUpWithoutWorkersAndDrainingWhenOneReadsThem() throws Exception {
    GroupMember.publishRequests(broker.bootstrapServers(), 7);

    awaitGroup("seven waiting", group -> group.path("consumerLag").asLong(-1) == 7);
    assertThat(gauge("taxiscale_consumer_lag")).isEqualTo(7);

    try (GroupMember worker = member("worker-a")) {
      awaitGroup("none waiting", group -> group.path("consumerLag").asLong(-1) == 0);
      assertThat(gauge("taxiscale_consumer_lag")).isEqualTo(0);
    }
  }

  @Test
  void shouldSayTheFiguresAreStaleWhileTheBrokerIsDownAndKeepServingMetrics() {
    awaitGroup("a reading", group -> group.path("status").asText().equals("live"));

    broker.close();

    JsonNode group = awaitGroup("stale", g -> g.path("status").asText().equals("stale"));
    assertThat(group.path("workers").isNull()).isTrue();
    assertThat(group.path("readAt").asText()).isNotEmpty();
    assertThat(gauge("taxiscale_workers")).isNaN();
    assertThat(gauge("taxiscale_consumer_lag")).isNaN();
  }

  /** A rebalance in progress shows members without partitions; wait until it is done. */
  private boolean twoWorkersHoldAll(JsonNode group) {
    int held =
        group.path("members").findValues("partitions").stream().mapToInt(JsonNode::asInt).sum();
    return group.path("workers").asInt() == 2 && held == PARTITIONS;
  }

  private GroupMember member(String clientId) {
    return new GroupMember(broker.bootstrapServers(), clientId);
  }

  /** Polls {@code /workers} until {@code condition} holds; each answer must come at once. */
  private JsonNode awaitGroup(String what, Predicate<JsonNode> condition) {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    JsonNode group;
    do {
      group = workers();
      if (condition.test(group)) {
        return group;
      }
      pause();
    } while (System.nanoTime() < deadline);
    throw new AssertionError("no " + what + " within " + PATIENCE + "; last " + group);
  }

  private JsonNode workers() {
    HttpResponse<String> response = http.get("/workers");
    assertThat(response.statusCode()).isEqualTo(200);
    try {
      return new ObjectMapper().readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The value of a gauge of the workers' group in the gateway's {@code /metrics}. */
  private double gauge(String name) {
    HttpResponse<String> response = http.get("/metrics");
    assertThat(response.statusCode()).isEqualTo(200);
    Pattern line =
        Pattern.compile(
            "^" + name + "\\{[^}]*group=\"" + Topics.WORKER_GROUP + "\"[^}]*} (\\S+)$",
            Pattern.MULTILINE);
    Matcher matcher = line.matcher(response.body());
    assertThat(matcher.find()).as(name + " in /metrics").isTrue();
    return Double.parseDouble(matcher.group(1));
  }

  private static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
