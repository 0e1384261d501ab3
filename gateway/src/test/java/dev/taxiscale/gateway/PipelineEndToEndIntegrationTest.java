package dev.taxiscale.gateway;

import static dev.taxiscale.gateway.Fixtures.NEARBY_EMPIRE_STATE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.taxiscale.broker.EmbeddedBroker;
import dev.taxiscale.pipeline.TopicConfig;
import dev.taxiscale.pipeline.TopicSetup;
import dev.taxiscale.pipeline.broker.BrokerConfig;
import dev.taxiscale.store.testing.MigratedPostgres;
import dev.taxiscale.worker.QueryHandler;
import dev.taxiscale.worker.QueryWorker;
import dev.taxiscale.worker.WorkerConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** HTTP -> Kafka -> worker -> PostgreSQL -> Kafka -> HTTP, against the same answer in-process. */
class PipelineEndToEndIntegrationTest {
  /** Drop-offs around Midtown on the Thursday of the synthetic week, up to 8:30. */
  private static final String NEARBY_MIDTOWN_THURSDAY =
      "{\"point\":{\"lon\":-73.9855,\"lat\":40.7580},\"time\":\"2015-01-15T08:30:00\",\"k\":5,"
          + "\"windowMinutes\":60}";

  @RegisterExtension static final MigratedPostgres postgres = new MigratedPostgres();
  @TempDir static Path dataDir;
  static EmbeddedBroker broker;
  static PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  static QueryWorker worker;
  static Gateway overKafka;
  static Gateway direct;

  @BeforeAll
  static void start() throws Exception {
    SyntheticTrips.load(postgres.dataSource(), 5_000, 7);
    broker = EmbeddedBroker.start(BrokerConfig.embeddedOnFreePorts(dataDir));
    TopicSetup.ensure(broker.bootstrapServers(), new TopicConfig(2, 1, (short) 1));
    worker =
        new QueryWorker(
            WorkerConfig.defaults(broker.bootstrapServers()).withConcurrency(2),
            QueryHandler.overDatabase(postgres.dataSource(), registry),
            registry);
    worker.start();
    GatewayConfig config = GatewayConfig.defaults().withPort(0);
    overKafka = Gateway.overKafka(config, broker.bootstrapServers(), registry).start();
    direct =
        new Gateway(
                config.withMode(GatewayConfig.Mode.DIRECT),
                new DirectBackend(QueryHandler.overDatabase(postgres.dataSource(), registry), 2),
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))
            .start();
  }

  @AfterAll
  static void stop() {
    overKafka.close();
    direct.close();
    worker.close();
    broker.close();
  }

  @Test
  void shouldFindCabsThroughKafkaAsTheDirectModeDoes() {
    HttpResponse<String> viaKafka =
        new Http(overKafka.port()).postJson("/api/v1/nearby", NEARBY_MIDTOWN_THURSDAY);
    HttpResponse<String> inProcess =
        new Http(direct.port()).postJson("/api/v1/nearby", NEARBY_MIDTOWN_THURSDAY);

    assertThat(viaKafka.statusCode()).isEqualTo(200);
    assertThat(viaKafka.body()).contains("\"cabs\":[{");
    assertThat(viaKafka.body()).isEqualTo(inProcess.body());
  }

  @Test
  void shouldReportEveryStageInThePrometheusMetrics() {
    new Http(overKafka.port()).postJson("/api/v1/nearby", NEARBY_EMPIRE_STATE);

    String metrics = new Http(overKafka.port()).get("/metrics").body();

    assertThat(metrics)
        .contains(
            "taxiscale_gateway_wait_seconds_count",
            "taxiscale_kafka_transit_seconds_count{leg=\"request\"}",
            "taxiscale_kafka_transit_seconds_count{leg=\"reply\"}",
            "taxiscale_worker_queue_seconds_count",
            "taxiscale_database_seconds_count{query=\"nearby\"}",
            "taxiscale_worker_in_flight",
            "taxiscale_gateway_in_flight",
            "kafka_consumer_fetch_manager_records_lag_max");
  }
}
