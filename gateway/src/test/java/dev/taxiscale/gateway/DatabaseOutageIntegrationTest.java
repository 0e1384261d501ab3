package dev.taxiscale.gateway;

import static dev.taxiscale.gateway.Fixtures.NEARBY_EMPIRE_STATE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.taxiscale.broker.EmbeddedBroker;
import dev.taxiscale.pipeline.Problem;
import dev.taxiscale.pipeline.TopicConfig;
import dev.taxiscale.pipeline.TopicSetup;
import dev.taxiscale.pipeline.broker.BrokerConfig;
import dev.taxiscale.store.Database;
import dev.taxiscale.store.EmbeddedDatabase;
import dev.taxiscale.worker.QueryHandler;
import dev.taxiscale.worker.QueryWorker;
import dev.taxiscale.worker.WorkerConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PostgreSQL stops under a running worker, then starts again on the same port and data. */
class DatabaseOutageIntegrationTest {
  @TempDir Path kafkaDir;
  @TempDir Path pgDir;
  EmbeddedDatabase postgres;
  Database database;
  EmbeddedBroker broker;
  QueryWorker worker;
  Gateway gateway;
  Http http;

  @BeforeEach
  void start() throws Exception {
    postgres = EmbeddedDatabase.start(pgDir, 0);
    database = Database.openForQueries(postgres.config().withPoolSize(2));
    broker = EmbeddedBroker.start(BrokerConfig.embeddedOnFreePorts(kafkaDir));
    TopicSetup.ensure(broker.bootstrapServers(), new TopicConfig(1, 1, (short) 1));
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    worker =
        new QueryWorker(
            WorkerConfig.defaults(broker.bootstrapServers()).withConcurrency(2),
            QueryHandler.overDatabase(database.dataSource(), registry),
            registry);
    worker.start();
    GatewayConfig config =
        // shorter than the pool's wait for ingest connections: only a query pool that gives up
        // quickly answers 503 before the gateway's own timeout turns it into a 504
        GatewayConfig.defaults().withPort(0).withRequestTimeout(Duration.ofSeconds(3));
    gateway = Gateway.overKafka(config, broker.bootstrapServers(), registry).start();
    http = new Http(gateway.port(), Duration.ofSeconds(25));
  }

  @AfterEach
  void stop() throws Exception {
    gateway.close();
    worker.close();
    broker.close();
    database.close();
    postgres.close();
  }

  @Test
  void shouldReplyWithAnErrorWhileTheDatabaseIsDownAndRecoverWhenItIsBack() throws Exception {
    awaitWorker();
    int port = postgres.port();

    postgres.close();
    HttpResponse<String> whileDown = nearby();

    assertThat(whileDown.statusCode()).isEqualTo(503);
    assertThat(whileDown.headers().firstValue("Retry-After")).isPresent();
    assertThat(Problem.fromJson(whileDown.body().getBytes(UTF_8)).detail()).contains("database");
    postgres = EmbeddedDatabase.start(pgDir, port);
    awaitOk();
  }

  private HttpResponse<String> nearby() {
    return http.postJson("/api/v1/nearby", NEARBY_EMPIRE_STATE);
  }

  /** Waits until the worker holds the requests partition and answers. */
  private void awaitWorker() {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (nearby().statusCode() != 200 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(nearby().statusCode()).isEqualTo(200);
  }

  private void awaitOk() {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    int last;
    do {
      last = nearby().statusCode();
      assertThat(last).isIn(200, 503);
    } while (last != 200 && System.nanoTime() < deadline);
    assertThat(last).isEqualTo(200);
  }
}
