package dev.taxiscale.gateway;

import static dev.taxiscale.gateway.Fixtures.NO_CABS;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.taxiscale.pipeline.Reply;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Javalin sets up what it needs for requests on the first one, without a lock, so two first
 * requests at once (the warm-up's senders, a burst of clients) could fail one with a 500. A gateway
 * answers one request of its own before {@link Gateway#start} returns, so that setup is done on one
 * thread before anyone is told the port.
 */
class FirstRequestsIntegrationTest {

  @Test
  void shouldHaveAnsweredARequestOfItsOwnBeforeStartReturns() {
    List<String> seen = new CopyOnWriteArrayList<>();
    GatewayConfig config = GatewayConfig.defaults().withPort(0).withMode(GatewayConfig.Mode.DIRECT);
    DirectBackend backend = new DirectBackend(json -> Reply.ok(NO_CABS.getBytes(UTF_8)), 4);

    try (Gateway gateway =
        new Gateway(
                config,
                backend,
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                javalin -> javalin.routes.before(ctx -> seen.add(ctx.method() + " " + ctx.path())))
            .start()) {

      assertThat(seen).containsExactly("GET /health");
      assertThat(new Http(gateway.port()).get("/health").statusCode()).isEqualTo(200);
    }
  }
}
