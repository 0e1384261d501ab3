package dev.taxiscale.gateway;

import static dev.taxiscale.gateway.Fixtures.NEARBY_EMPIRE_STATE;
import static dev.taxiscale.gateway.Fixtures.NO_CABS;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The lean client against a real gateway in direct mode, with a stub in place of the engine. */
class GatewayClientTest {
  private StubbedGateway stubbed;

  @BeforeEach
  void start() {
    stubbed = new StubbedGateway();
  }

  @AfterEach
  void stop() {
    stubbed.close();
  }

  private GatewayClient client() {
    return new GatewayClient("127.0.0.1", stubbed.gateway().port(), Duration.ofSeconds(5));
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
    assertThat(stubbed.handled()).isEqualTo(50);
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
    assertThat(stubbed.handled()).isEqualTo(1);
  }

  @Test
  void shouldGetPathsWithTheHeaderLinesItIsGivenBetweenPosts() throws Exception {
    try (GatewayClient client = client()) {
      GatewayClient.Response health = client.get("/health", "");
      GatewayClient.Response gzipped =
          client.get(
              "/api/v1/openapi.json", "Accept-Encoding: gzip\r\nOrigin: http://127.0.0.1\r\n");
      GatewayClient.Response answer =
          client.post("/api/v1/nearby", NEARBY_EMPIRE_STATE.getBytes(UTF_8));

      assertThat(health.status()).isEqualTo(200);
      assertThat(health.text()).contains("\"up\"");
      assertThat(gzipped.status()).isEqualTo(200);
      assertThat(gzipped.body()).as("compressed, as asked").startsWith((byte) 0x1f, (byte) 0x8b);
      assertThat(answer.text()).isEqualTo(NO_CABS);
    }
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
