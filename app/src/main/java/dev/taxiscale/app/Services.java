package dev.taxiscale.app;

import dev.taxiscale.broker.EmbeddedBroker;
import dev.taxiscale.gateway.Gateway;
import dev.taxiscale.gateway.GatewayConfig;
import dev.taxiscale.gateway.WarmGateway;
import dev.taxiscale.gateway.WebApp;
import dev.taxiscale.pipeline.TopicConfig;
import dev.taxiscale.pipeline.TopicSetup;
import dev.taxiscale.pipeline.broker.BrokerConfig;
import dev.taxiscale.pipeline.warmup.WarmUp;
import dev.taxiscale.store.DbConfig;
import dev.taxiscale.worker.DatabaseWorker;
import dev.taxiscale.worker.WorkerConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The running pieces of one process, stopped in reverse start order: gateway before workers,
 * clients before the broker, the broker before the database.
 */
final class Services implements AutoCloseable {
  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  <T extends AutoCloseable> T add(T service) {
    started.push(service);
    return service;
  }

  /** The embedded broker when none is configured; returns the bootstrap servers to use. */
  String broker(BrokerConfig config) {
    if (!config.embedded()) {
      return config.bootstrapServers();
    }
    return add(EmbeddedBroker.start(config)).bootstrapServers();
  }

  /** Creates the request, reply and dead-letter topics when they are missing. */
  void topics(String bootstrap, TopicConfig topics) {
    TopicSetup.ensure(bootstrap, topics);
  }

  /** A worker with its own connection pool, one connection per query thread. */
  DatabaseWorker worker(String bootstrap, DbConfig db, int index) {
    return worker(bootstrap, db, index, WarmUp.Plan.perType(0));
  }

  /** The same, first warmed up with {@code warmUp} ({@link DatabaseWorker#warmUp}). */
  DatabaseWorker worker(String bootstrap, DbConfig db, int index, WarmUp.Plan warmUp) {
    WorkerConfig config = WorkerConfig.fromEnvironment(System.getenv());
    config =
        WorkerConfig.defaults(bootstrap)
            .withConcurrency(config.concurrency())
            .withClientId("taxiscale-worker-" + ProcessHandle.current().pid() + "-" + index);
    return add(DatabaseWorker.open(config, db, registry))
        .warmUp(warmUp, "worker " + index, System.out)
        .start();
  }

  /**
   * The HTTP gateway with the web app, over Kafka. Its {@code /ready} stays false until {@code
   * warmUp} has run through its API, and with it through Kafka and the workers.
   */
  Gateway gatewayOverKafka(GatewayConfig config, String bootstrap, WarmUp.Plan warmUp) {
    return gatewayOverKafka(config, bootstrap, warmUp, WebApp::register);
  }

  /** The same with the web app's extensions given, e.g. the taxi zones of a database. */
  Gateway gatewayOverKafka(
      GatewayConfig config,
      String bootstrap,
      WarmUp.Plan warmUp,
      java.util.function.Consumer<io.javalin.config.JavalinConfig> web) {
    return add(WarmGateway.start(config, bootstrap, registry, web, warmUp, System.out));
  }

  PrometheusMeterRegistry registry() {
    return registry;
  }

  @Override
  public void close() {
    while (!started.isEmpty()) {
      try {
        started.pop().close();
      } catch (Exception e) {
        System.err.println("taxiscale: stopping a component failed: " + e.getMessage());
      }
    }
  }
}
