package dev.taxiscale.gateway;

import static dev.taxiscale.gateway.Fixtures.NEARBY_EMPIRE_STATE;
import static dev.taxiscale.gateway.Fixtures.NO_CABS;
import static dev.taxiscale.gateway.SlowClients.ENDLESS_HEADERS;
import static dev.taxiscale.gateway.SlowClients.PROMISED_BODY_HEADERS;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.taxiscale.pipeline.Reply;
import dev.taxiscale.testkit.Await;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Slow and greedy clients on real loopback sockets must not keep the gateway from others. */
class SlowClientIntegrationTest {
  private static final Duration BOUND = Duration.ofSeconds(10);

  private Gateway gateway;
  private SlowClients clients;

  @AfterEach
  void stop() {
    clients.close();
    gateway.close();
  }

  private void start(ConnectionLimits limits) {
    GatewayConfig config =
        GatewayConfig.defaults()
            .withPort(0)
            .withMode(GatewayConfig.Mode.DIRECT)
            .withConnections(limits);
    DirectBackend backend = new DirectBackend(json -> Reply.ok(NO_CABS.getBytes(UTF_8)), 4);
    gateway =
        new Gateway(config, backend, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)).start();
    clients = new SlowClients(gateway.port());
  }

  @Test
  void shouldAnswerARequestWhileAThousandClientsDribbleTheirBodies() {
    start(new ConnectionLimits(Duration.ofMinutes(5), Duration.ofMinutes(5), 50));
    for (int i = 0; i < 1_000; i++) {
      clients.open("127.0.0." + (2 + i / 50), PROMISED_BODY_HEADERS);
    }

    var response = new Http(gateway.port(), BOUND).postJson("/api/v1/nearby", NEARBY_EMPIRE_STATE);

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void shouldCloseAConnectionThatTricklesItsHeaders() throws IOException {
    start(new ConnectionLimits(Duration.ofMillis(500), Duration.ofMinutes(5), 50));

    Socket slowloris = clients.open("127.0.0.2", ENDLESS_HEADERS);

    assertThat(SlowClients.closedWhileTrickling(slowloris, "X-Slow: y\r\n", BOUND)).isTrue();
  }

  @Test
  void shouldCloseAConnectionThatTricklesItsBody() throws IOException {
    start(new ConnectionLimits(Duration.ofMillis(500), Duration.ofMinutes(5), 50));

    Socket dribbler = clients.open("127.0.0.2", PROMISED_BODY_HEADERS);

    assertThat(SlowClients.closedWhileTrickling(dribbler, " ", BOUND)).isTrue();
  }

  @Test
  void shouldCloseConnectionsBeyondTheLimitForOneAddress() throws IOException {
    start(new ConnectionLimits(Duration.ofMinutes(5), Duration.ofMinutes(5), 3));
    List<Socket> four = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      four.add(clients.open("127.0.0.3", PROMISED_BODY_HEADERS));
    }

    // the server may accept the four in any order, so whichever it counted fourth is closed
    long closed = 0;
    for (Socket socket : four) {
      closed += SlowClients.closedWhileTrickling(socket, " ", Duration.ofSeconds(2)) ? 1 : 0;
    }
    assertThat(closed).isEqualTo(1);
  }

  @Test
  void shouldServeOtherAddressesWhileOneIsAtItsLimit() {
    start(new ConnectionLimits(Duration.ofMinutes(5), Duration.ofMinutes(5), 3));
    for (int i = 0; i < 4; i++) {
      clients.open("127.0.0.3", PROMISED_BODY_HEADERS);
    }

    var response = new Http(gateway.port(), BOUND).postJson("/api/v1/nearby", NEARBY_EMPIRE_STATE);

    assertThat(response.statusCode()).isEqualTo(200);
  }

  private int openFrom(InetAddress address) {
    return gateway.slowClientGuard().openFrom(address);
  }

  @Test
  void shouldCountOnlyConnectionsStillOpenAgainstTheLimit() throws IOException {
    InetAddress client4 = InetAddress.getByName("127.0.0.4");
    start(new ConnectionLimits(Duration.ofMinutes(5), Duration.ofMinutes(5), 3));
    // ten clients in turn, each gone before the next connects, never hold more than one
    for (int i = 0; i < 10; i++) {
      try (Socket client = clients.open("127.0.0.4", SlowClients.HEALTH_THEN_CLOSE)) {
        assertThat(SlowClients.untilClosed(client, BOUND)).startsWith("HTTP/1.1 200");
      }
      // the client sees the close before the server's selector has counted it
      Await.until(BOUND, "the gateway has counted the close", () -> openFrom(client4) == 0);
    }

    try (Socket eleventh = clients.open("127.0.0.4", SlowClients.HEALTH_THEN_CLOSE)) {
      assertThat(SlowClients.untilClosed(eleventh, BOUND)).startsWith("HTTP/1.1 200");
    }
  }
}
