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

  /**
   * One kept-alive connection to the gateway on this host, sending the warm-up's queries as a
   * browser and a script would: every other one with the header lines a browser's {@code fetch}
   * adds, now and then a GET of what an open web app fetches besides its queries, and a new
   * connection from time to time. Header lines, paths and connections the warm-up never sent would
   * each take branches its compiled code has not seen.
   */
  static final class HttpSender implements WarmUp.Sender {
    /** A GET of one of {@link #PAGE} after this many queries. */
    private static final int PAGE_EVERY = 20;

    /** A new connection after this many queries, as browsers open one when theirs went idle. */
    private static final int RECONNECT_EVERY = 250;

    /** The web app's page, its API description and the live panel's polls. */
    private static final List<String> PAGE =
        List.of("/", "/api/v1/openapi.json", "/workers", "/metrics", "/ready", "/health");

    private final GatewayClient client;
    private final String browser;
    private int sent;

    HttpSender(Gateway gateway) {
      String host = gateway.reachableAddress().getHostAddress();
      this.client = new GatewayClient(host, gateway.port(), Duration.ofSeconds(10));
      this.browser =
          "Accept: application/json\r\nAccept-Encoding: gzip, deflate, br\r\n"
              + "Accept-Language: en-US,en;q=0.9\r\nUser-Agent: Mozilla/5.0 (taxiscale warm-up)\r\n"
              + "Origin: http://"
              + host
              + ":"
              + gateway.port()
              + "\r\n";
    }

    @Override
    public int send(String type, byte[] json) throws IOException {
      sent++;
      if (sent % RECONNECT_EVERY == 0) {
        client.close();
      }
      if (sent % PAGE_EVERY == 0) {
        client.get(PAGE.get(sent / PAGE_EVERY % PAGE.size()), browser);
      }
      return client.post("/api/v1/" + type, json, sent % 2 == 0 ? browser : "").status();
    }

    @Override
    public void close() {
      client.close();
    }
  }
}
