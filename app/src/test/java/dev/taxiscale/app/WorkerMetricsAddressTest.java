package dev.taxiscale.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taxiscale.worker.MetricsServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

/** A worker's metrics are for this machine unless it is told to serve them further. */
class WorkerMetricsAddressTest {

  @Test
  void shouldServeMetricsOnLoopbackByDefault() {
    WorkerCommand worker = new WorkerCommand();
    new picocli.CommandLine(worker)
        .parseArgs(
            "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/none", "--kafka-bootstrap", "127.0.0.1:1");

    try (MetricsServer server =
        MetricsServer.start(
            worker.metricsHost, 0, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))) {
      assertThat(server.address().getAddress().isLoopbackAddress()).isTrue();
    }
  }

  @Test
  void shouldServeMetricsOnTheAddressItIsGiven() {
    WorkerCommand worker = new WorkerCommand();
    new picocli.CommandLine(worker)
        .parseArgs(
            "--jdbc-url",
            "jdbc:postgresql://127.0.0.1:1/none",
            "--kafka-bootstrap",
            "127.0.0.1:1",
            "--metrics-host",
            "0.0.0.0");

    assertThat(worker.metricsHost).isEqualTo("0.0.0.0");
  }
}
