package dev.taxiscale.gateway;

import static dev.taxiscale.gateway.Fixtures.NEARBY_EMPIRE_STATE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The warm-up's HTTP sender against a real gateway in direct mode, with a stub in place of the
 * engine: its page fetches, browser headers and new connections never cost a query its answer.
 */
class WarmGatewaySenderTest {
  @Test
  void shouldAnswerEveryQueryAcrossPageFetchesAndNewConnections() throws Exception {
    try (StubbedGateway stubbed = new StubbedGateway();
        WarmGateway.HttpSender sender = new WarmGateway.HttpSender(stubbed.gateway())) {
      for (int i = 0; i < 600; i++) {
        assertThat(sender.send("nearby", NEARBY_EMPIRE_STATE.getBytes(UTF_8)))
            .as("query %d", i)
            .isEqualTo(200);
      }
      assertThat(sender.send("nearby", "{\"point\":".getBytes(UTF_8))).isEqualTo(400);
      assertThat(stubbed.handled()).as("page fetches are not queries").isEqualTo(600);
    }
  }
}
