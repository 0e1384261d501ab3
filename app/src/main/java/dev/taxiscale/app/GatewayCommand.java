package dev.taxiscale.app;

import dev.taxiscale.gateway.Gateway;
import dev.taxiscale.gateway.GatewayConfig;
import dev.taxiscale.pipeline.TopicConfig;
import dev.taxiscale.pipeline.warmup.WarmUp;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code taxiscale gateway}: the HTTP API and web app over an existing Kafka cluster; start more
 * behind a load balancer to scale out.
 */
@Command(
    name = "gateway",
    mixinStandardHelpOptions = true,
    description = "Run the HTTP gateway and web app, publishing requests to Kafka.")
final class GatewayCommand implements Callable<Integer> {
  @Mixin ExternalKafka kafka;

  @Option(
      names = "--http-port",
      defaultValue = "${env:TAXISCALE_HTTP_PORT:-8080}",
      description = "HTTP port (default ${DEFAULT-VALUE})")
  int httpPort;

  @Override
  public Integer call() throws Exception {
    Services services = new Services();
    Gateway gateway;
    try {
      GatewayConfig config =
          GatewayConfig.fromEnvironment(System.getenv())
              .withMode(GatewayConfig.Mode.KAFKA)
              .withPort(httpPort);
      services.topics(kafka.bootstrap, TopicConfig.fromEnvironment(System.getenv()));
      gateway =
          services.gatewayOverKafka(
              config, kafka.bootstrap, WarmUp.Plan.fromEnvironment(System.getenv()));
    } catch (RuntimeException e) {
      services.close();
      throw e;
    }
    System.out.printf(
        "gateway: http://127.0.0.1:%d/ over Kafka %s%n", gateway.port(), kafka.bootstrap);
    Shutdown.awaitThenClose(services);
    return 0;
  }
}
