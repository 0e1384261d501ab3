package dev.taxiscale.gateway;

import static dev.taxiscale.gateway.Fixtures.NO_CABS;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.taxiscale.pipeline.Reply;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real gateway in direct mode on a free port, with a stub in place of the engine that answers
 * every query with no cabs and counts them: for tests of what clients send it.
 */
final class StubbedGateway implements AutoCloseable {
  private final AtomicInteger handled = new AtomicInteger();
  private final Gateway gateway;

  StubbedGateway() {
    DirectBackend backend =
        new DirectBackend(
            json -> {
              handled.incrementAndGet();
              return Reply.ok(NO_CABS.getBytes(UTF_8));
            },
            2);
    gateway =
        new Gateway(
                GatewayConfig.defaults().withPort(0).withMode(GatewayConfig.Mode.DIRECT),
                backend,
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))
            .start();
  }

  Gateway gateway() {
    return gateway;
  }

  /** Queries the stub answered. */
  int handled() {
    return handled.get();
  }

  @Override
  public void close() {
    gateway.close();
  }
}
