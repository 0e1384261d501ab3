package dev.taxiscale.gateway;

import static dev.taxiscale.gateway.Fixtures.NO_CABS;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.taxiscale.pipeline.Reply;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.Socket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a browser gets from a gateway on loopback, asked over a real socket. */
class BrowserGuardIntegrationTest {
  private Gateway gateway;

  @BeforeEach
  void start() {
    GatewayConfig config = GatewayConfig.defaults().withPort(0).withMode(GatewayConfig.Mode.DIRECT);
    DirectBackend backend = new DirectBackend(json -> Reply.ok(NO_CABS.getBytes(UTF_8)), 2);
    gateway =
        new Gateway(config, backend, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)).start();
  }

  @AfterEach
  void stop() {
    gateway.close();
  }

  /** The raw answer to {@code GET /health} sent with {@code host} as its Host header. */
  private String healthWithHost(String host) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", gateway.port())) {
      socket
          .getOutputStream()
          .write(
              ("GET /health HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                  .getBytes(US_ASCII));
      return new String(socket.getInputStream().readAllBytes(), UTF_8);
    }
  }

  @Test
  void shouldRefuseAHostNameThatIsNotLoopback() throws IOException {
    String answer = healthWithHost("rebound.example.com:" + gateway.port());

    assertThat(answer).startsWith("HTTP/1.1 400").contains("\"field\":\"Host\"");
  }

  @Test
  void shouldAnswerLocalhost() throws IOException {
    assertThat(healthWithHost("localhost:" + gateway.port())).startsWith("HTTP/1.1 200");
  }

  @Test
  void shouldTellBrowsersNotToSniffFrameOrLoadFromElsewhere() throws IOException {
    String answer = healthWithHost("127.0.0.1:" + gateway.port()).toLowerCase();

    assertThat(answer)
        .contains("x-content-type-options: nosniff")
        .contains("x-frame-options: deny")
        .contains("content-security-policy: default-src 'self'");
  }
}
