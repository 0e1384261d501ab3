package dev.taxiscale.gateway;

import dev.taxiscale.pipeline.warmup.WarmUp;
import io.javalin.config.JavalinConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A gateway over Kafka that warms up through its own API before it reports ready: {@code /ready}
 * stays false until the warm-up's requests have taken the whole path (HTTP, Kafka, the workers,
 * SQL). {@link GatewayMain} and the command line's {@code gateway} and {@code up} start it so.
 */
public final class WarmGateway {
  private WarmGateway() {}

  /**
   * Starts the gateway, warms it up with {@code plan} (none when it has 0 per type), prints what
   * the warm-up did to {@code out}, and opens it.
   */
  public static Gateway start(
      GatewayConfig config,
      String bootstrap,
      PrometheusMeterRegistry registry,
      Consumer<JavalinConfig> web,
      WarmUp.Plan plan,
      PrintStream out) {
    List<GatedBackend> gate = new ArrayList<>(1);
    Gateway gateway =
        Gateway.overKafka(
            config,
            bootstrap,
            registry,
            web,
            backend -> {
              gate.add(new GatedBackend(backend));
              return gate.get(0);
            });
    try {
      gateway.start();
      if (plan.perType() > 0) {
        out.println(WarmUp.run(plan, () -> new HttpSender(gateway)));
      }
    } catch (RuntimeException e) {
      gateway.close();
      throw e;
    }
    gate.get(0).open();
    return gateway;
  }

  /** One kept-alive connection to the gateway on this host. */
  private static final class HttpSender implements WarmUp.Sender {
    private final GatewayClient client;

    HttpSender(Gateway gateway) {
      this.client =
          new GatewayClient(
              gateway.reachableAddress().getHostAddress(), gateway.port(), Duration.ofSeconds(10));
    }

    @Override
    public int send(String type, byte[] json) throws IOException {
      return client.post("/api/v1/" + type, json).status();
    }

    @Override
    public void close() {
      client.close();
    }
  }
}
