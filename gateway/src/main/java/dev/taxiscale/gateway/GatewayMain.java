package dev.taxiscale.gateway;

import dev.taxiscale.pipeline.TopicConfig;
import dev.taxiscale.pipeline.TopicSetup;
import dev.taxiscale.pipeline.broker.BrokerConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs one gateway over Kafka from environment variables until the process is stopped; the CLI's
 * {@code taxiscale gateway} does the same with flags. Needs a running Kafka; creates missing
 * topics.
 */
public final class GatewayMain {
  private GatewayMain() {}

  public static void main(String[] args) throws InterruptedException {
    Map<String, String> env = System.getenv();
    GatewayConfig config = GatewayConfig.fromEnvironment(env);
    String bootstrap = BrokerConfig.fromEnvironment(env).clientBootstrap();
    TopicSetup.ensure(bootstrap, TopicConfig.fromEnvironment(env));
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Gateway gateway = Gateway.overKafka(config, bootstrap, registry).start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  gateway.close();
                  stopped.countDown();
                }));
    stopped.await();
  }
}
