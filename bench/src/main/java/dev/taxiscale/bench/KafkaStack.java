package dev.taxiscale.bench;

import dev.taxiscale.broker.EmbeddedBroker;
import dev.taxiscale.gateway.Gateway;
import dev.taxiscale.gateway.GatewayConfig;
import dev.taxiscale.pipeline.TopicConfig;
import dev.taxiscale.pipeline.TopicSetup;
import dev.taxiscale.pipeline.broker.BrokerConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The Kafka path: a broker (embedded unless one is given), a gateway over it, and worker processes
 * added on demand. Closing stops them in reverse order.
 */
final class KafkaStack implements AutoCloseable {
  private final EmbeddedBroker broker;
  private final Gateway gateway;
  private final WorkerProcesses workers;
  private final KafkaLegs legs;

  private KafkaStack(
      EmbeddedBroker broker, Gateway gateway, WorkerProcesses workers, MeterRegistry registry) {
    this.broker = broker;
    this.gateway = gateway;
    this.workers = workers;
    this.legs = new KafkaLegs(registry, new WorkerCounters(), workers::metricsPorts);
  }

  static KafkaStack start(String bootstrapServers, String jdbcUrl, int workerThreads, Path dir) {
    EmbeddedBroker broker =
        bootstrapServers == null
            ? EmbeddedBroker.start(BrokerConfig.embeddedOnFreePorts(dir.resolve("kafka")))
            : null;
    String bootstrap = broker == null ? bootstrapServers : broker.bootstrapServers();
    try {
      TopicSetup.ensure(bootstrap, TopicConfig.defaults());
      GatewayConfig config = GatewayConfig.defaults().withPort(0);
      PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      Gateway gateway = Gateway.overKafka(config, bootstrap, registry).start();
      return new KafkaStack(
          broker, gateway, new WorkerProcesses(bootstrap, jdbcUrl, workerThreads, dir), registry);
    } catch (RuntimeException e) {
      if (broker != null) {
        broker.close();
      }
      throw e;
    }
  }

  /** The path through the gateway and Kafka with {@code count} workers running. */
  QueryPath withWorkers(int count) throws IOException, InterruptedException {
    workers.scaleTo(count);
    return new HttpPath(KafkaLegs.KAFKA_PATH + count, count, "http://127.0.0.1:" + gateway.port());
  }

  /** The stages of a request on this path, from the gateway's and the workers' meters. */
  KafkaLegs legs() {
    return legs;
  }

  @Override
  public void close() throws InterruptedException {
    try {
      workers.close();
    } finally {
      try {
        gateway.close();
      } finally {
        if (broker != null) {
          broker.close();
        }
      }
    }
  }
}
