package dev.taxiscale.gateway;

import dev.taxiscale.pipeline.client.ReplyClient;
import dev.taxiscale.pipeline.client.WorkerGroupWatch;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running HTTP gateway: start it, ask its port, close it; closing also closes its backend. */
public final class Gateway implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Gateway.class);
  private static final AtomicInteger INSTANCES = new AtomicInteger();
  private static final int PRIME_TIMEOUT_MS = 5_000;

  private final Javalin app;
  private final QueryBackend backend;
  private final String host;

  /** A gateway answering through {@code backend}, which it owns from now on. */
  public Gateway(GatewayConfig config, QueryBackend backend, PrometheusMeterRegistry registry) {
    this(config, backend, registry, javalin -> {});
  }

  /** The same, with extra Javalin configuration such as the web app's static files. */
  public Gateway(
      GatewayConfig config,
      QueryBackend backend,
      PrometheusMeterRegistry registry,
      Consumer<JavalinConfig> extensions) {
    this.backend = backend;
    this.host = config.host();
    this.app = GatewayApp.create(config, backend, registry, extensions);
  }

  /** A gateway over Kafka: connects a reply client to {@code bootstrapServers} first. */
  public static Gateway overKafka(
      GatewayConfig config, String bootstrapServers, PrometheusMeterRegistry registry) {
    return overKafka(config, bootstrapServers, registry, javalin -> {});
  }

  /** The same, with extra Javalin configuration such as {@link WebApp#register}. */
  public static Gateway overKafka(
      GatewayConfig config,
      String bootstrapServers,
      PrometheusMeterRegistry registry,
      Consumer<JavalinConfig> extensions) {
    return overKafka(config, bootstrapServers, registry, extensions, backend -> backend);
  }

  /** The same, with the Kafka backend wrapped, e.g. in a {@link GatedBackend}. */
  public static Gateway overKafka(
      GatewayConfig config,
      String bootstrapServers,
      PrometheusMeterRegistry registry,
      Consumer<JavalinConfig> extensions,
      UnaryOperator<QueryBackend> around) {
    String clientId =
        "taxiscale-gateway-" + ProcessHandle.current().pid() + "-" + INSTANCES.incrementAndGet();
    WorkerGroupWatch workers =
        new WorkerGroupWatch(bootstrapServers, clientId + "-workers", registry).start();
    ReplyClient client = new ReplyClient(bootstrapServers, clientId, registry, workers::current);
    client.start();
    return new Gateway(
        config,
        around.apply(new KafkaBackend(client, workers, config.rideParts())),
        registry,
        extensions);
  }

  /** Binds the HTTP port and starts answering. */
  public Gateway start() {
    app.start();
    primeServlet();
    log.info("gateway ({}) listening on port {}", backend.name(), app.port());
    return this;
  }

  /**
   * Javalin builds its per-server request settings on the first request, without a lock (a Kotlin
   * lazy value in {@code JavalinServlet}): two first requests at once, such as the warm-up's
   * senders or a burst of clients send, failed one of them with a NullPointerException and a 500.
   * One request of our own, sent before the port is announced, builds them on one thread.
   */
  private void primeServlet() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(reachableAddress(), app.port()), PRIME_TIMEOUT_MS);
      socket.setSoTimeout(PRIME_TIMEOUT_MS);
      socket
          .getOutputStream()
          .write(
              "GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                  .getBytes(StandardCharsets.US_ASCII));
      socket.getInputStream().readAllBytes();
    } catch (IOException e) {
      log.debug("could not prime the gateway with a request of its own: {}", e.toString());
    }
  }

  /** Where a client on this host reaches the gateway: its bound address, loopback for any. */
  InetAddress reachableAddress() {
    try {
      InetAddress bound = InetAddress.getByName(host);
      return bound.isAnyLocalAddress() ? InetAddress.getLoopbackAddress() : bound;
    } catch (IOException e) {
      return InetAddress.getLoopbackAddress();
    }
  }

  /** The bound HTTP port, useful when configured as 0. */
  public int port() {
    return app.port();
  }

  /** The guard counting connections per client address, for tests that must wait on it. */
  SlowClientGuard slowClientGuard() {
    return app.jettyServer().server().getConnectors()[0].getBean(SlowClientGuard.class);
  }

  @Override
  public void close() {
    app.stop();
    backend.close();
  }
}
