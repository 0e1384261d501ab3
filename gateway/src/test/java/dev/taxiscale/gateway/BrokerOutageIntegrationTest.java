package dev.taxiscale.gateway;

import static dev.taxiscale.gateway.Fixtures.NEARBY_EMPIRE_STATE;
import static dev.taxiscale.gateway.Fixtures.NO_CABS;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.taxiscale.broker.EmbeddedBroker;
import dev.taxiscale.pipeline.Reply;
import dev.taxiscale.pipeline.TopicConfig;
import dev.taxiscale.pipeline.TopicSetup;
import dev.taxiscale.pipeline.broker.BrokerConfig;
import dev.taxiscale.worker.QueryWorker;
import dev.taxiscale.worker.WorkerConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kafka goes away under a running gateway and worker, then comes back. */
class BrokerOutageIntegrationTest {
  private static final Duration LONG_TIMEOUT = Duration.ofSeconds(20);

  @TempDir Path dataDir;
  EmbeddedBroker broker;
  QueryWorker worker;
  Gateway gateway;
  Http http;

  @BeforeEach
  void start() {
    broker = EmbeddedBroker.start(BrokerConfig.embeddedOnFreePorts(dataDir));
    TopicSetup.ensure(broker.bootstrapServers(), new TopicConfig(2, 1, (short) 1));
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    worker =
        new QueryWorker(
            WorkerConfig.defaults(broker.bootstrapServers()).withConcurrency(2),
            json -> Reply.ok(NO_CABS.getBytes(UTF_8)),
            registry);
    worker.start();
    GatewayConfig config = GatewayConfig.defaults().withPort(0).withRequestTimeout(LONG_TIMEOUT);
    gateway = Gateway.overKafka(config, broker.bootstrapServers(), registry).start();
    http = new Http(gateway.port());
  }

  @AfterEach
  void stop() {
    gateway.close();
    worker.close();
    broker.close();
  }

  @Test
  void shouldAnswer503QuicklyWhileTheBrokerIsDownAndRecoverWhenItIsBack() {
    assertThat(nearby()).isEqualTo(200);
    BrokerConfig sameBroker = broker.boundConfig();

    broker.close();
    awaitStatus(503);
    assertThat(http.get("/ready").statusCode()).isEqualTo(503);

    broker = EmbeddedBroker.start(sameBroker);
    awaitStatus(200);
  }

  /** Http's client gives up after 5 s, well before the 20 s request timeout: no hanging. */
  private int nearby() {
    return http.postJson("/api/v1/nearby", NEARBY_EMPIRE_STATE).statusCode();
  }

  private void awaitStatus(int status) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    int last;
    do {
      last = nearby();
      assertThat(last).isIn(200, 503);
    } while (last != status && System.nanoTime() < deadline);
    assertThat(last).isEqualTo(status);
  }
}
