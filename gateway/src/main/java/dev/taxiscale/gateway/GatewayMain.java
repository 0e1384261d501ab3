package dev.taxiscale.gateway;

import dev.taxiscale.pipeline.TopicConfig;
import dev.taxiscale.pipeline.TopicSetup;
import dev.taxiscale.pipeline.broker.BrokerConfig;
import dev.taxiscale.pipeline.warmup.WarmUp;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs one gateway with the web app over Kafka from environment variables until the process is
 * stopped; the CLI's {@code taxiscale gateway} does the same with flags. Needs a running Kafka;
 * creates missing topics. It warms up as {@link WarmGateway} does only when {@value
 * WarmUp#ENV_WARM_UP} asks for requests of each type, as the image does: the local cluster, the
 * benchmarks and the tests start it cold. The gateway's image runs this class on this module's own
 * class path, which holds no database code: direct mode, which queries the database in process, is
 * refused.
 */
public final class GatewayMain {
  private GatewayMain() {}

  public static void main(String[] args) throws InterruptedException {
    Map<String, String> env = System.getenv();
    GatewayConfig config = GatewayConfig.fromEnvironment(env);
    if (config.mode() != GatewayConfig.Mode.KAFKA) {
      System.err.println(
          "gateway: "
              + GatewayConfig.ENV_MODE
              + "="
              + config.mode().name().toLowerCase(Locale.ROOT)
              + " runs queries in process and needs the database; this gateway runs over Kafka"
              + " only (unset it or set kafka)");
      System.exit(2);
    }
    String bootstrap = BrokerConfig.fromEnvironment(env).clientBootstrap();
    TopicSetup.ensure(bootstrap, TopicConfig.fromEnvironment(env));
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Gateway gateway =
        WarmGateway.start(
            config,
            bootstrap,
            registry,
            WebApp::register,
            WarmUp.Plan.fromEnvironment(env, 0),
            System.out);
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
