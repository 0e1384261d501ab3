package dev.taxiscale.gateway;

import static dev.taxiscale.gateway.Fixtures.NEARBY_EMPIRE_STATE;
import static dev.taxiscale.gateway.Fixtures.NO_CABS;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taxiscale.pipeline.Reply;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The lean client against a real gateway in direct mode, with a stub in place of the engine. */
class GatewayClientTest {
  private final AtomicInteger handled = new AtomicInteger();
  private Gateway gateway;

  @BeforeEach
  void start() {
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

  @AfterEach
  void stop() {
    gateway.close();
  }

  private GatewayClient client() {
    return new GatewayClient("127.0.0.1", gateway.port(), Duration.ofSeconds(5));
  }

  @Test
  void shouldReadEachAnswerWholeOverOneKeptAliveConnection() throws Exception {
    try (GatewayClient client = client()) {
      for (int i = 0; i < 50; i++) {
        GatewayClient.Response response =
            client.post("/api/v1/nearby", NEARBY_EMPIRE_STATE.getBytes(UTF_8));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text()).isEqualTo(NO_CABS);
      }
    }
    assertThat(handled).hasValue(50);
  }

  @Test
  void shouldReadAProblemAnswerWithItsStatus() throws Exception {
    try (GatewayClient client = client()) {
      GatewayClient.Response response = client.post("/api/v1/nearby", "{".getBytes(UTF_8));

      assertThat(response.status()).isEqualTo(400);
      assertThat(response.text()).contains("\"status\":400");
      assertThat(client.post("/api/v1/nearby", NEARBY_EMPIRE_STATE.getBytes(UTF_8)).status())
          .as("the connection stays usable")
          .isEqualTo(200);
    }
    assertThat(handled).hasValue(1);
  }

  @Test
  void shouldFailWithAnIoErrorWhenNothingListens() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    try (GatewayClient client = new GatewayClient("127.0.0.1", port, Duration.ofSeconds(2))) {
      assertThatThrownBy(() -> client.post("/api/v1/nearby", new byte[0]))
          .isInstanceOf(IOException.class);
    }
  }
}
