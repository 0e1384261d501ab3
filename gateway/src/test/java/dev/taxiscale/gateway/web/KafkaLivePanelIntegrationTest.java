package dev.taxiscale.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taxiscale.broker.EmbeddedBroker;
import dev.taxiscale.gateway.Gateway;
import dev.taxiscale.gateway.GatewayConfig;
import dev.taxiscale.gateway.GroupMember;
import dev.taxiscale.gateway.WebApp;
import dev.taxiscale.pipeline.TopicConfig;
import dev.taxiscale.pipeline.TopicSetup;
import dev.taxiscale.pipeline.broker.BrokerConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/** The web app's live panel in a real headless Chromium, against a gateway over a real broker. */
class KafkaLivePanelIntegrationTest {
  @TempDir Path dataDir;
  private EmbeddedBroker broker;
  private Gateway gateway;
  private HeadlessChromium browser;

  @BeforeEach
  void start() throws Exception {
    browser = HeadlessChromium.start();
    broker = EmbeddedBroker.start(BrokerConfig.embeddedOnFreePorts(dataDir));
    TopicSetup.ensure(broker.bootstrapServers(), new TopicConfig(4, 1, (short) 1));
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    GatewayConfig config = GatewayConfig.defaults().withPort(0);
    gateway =
        Gateway.overKafka(config, broker.bootstrapServers(), registry, WebApp::register).start();
  }

  @AfterEach
  void stop(TestInfo test) throws Exception {
    browser.screenshot(test.getTestMethod().orElseThrow().getName());
    browser.close();
    gateway.close();
    broker.close();
  }

  @Test
  void shouldShowRequestsWaitingForWorkersAndTheWorkersThatJoinToReadThem() throws Exception {
    GroupMember.publishRequests(broker.bootstrapServers(), 3);
    MapPage page = MapPage.open(browser.driver(), "http://127.0.0.1:" + gateway.port());

    page.awaitTextToBe("live-lag", "3");
    assertThat(page.element("live-workers").getText()).isEqualTo("0");

    try (GroupMember a = new GroupMember(broker.bootstrapServers(), "worker-a");
        GroupMember b = new GroupMember(broker.bootstrapServers(), "worker-b")) {
      page.awaitTextToBe("live-workers", "2");
      page.awaitTextToBe("live-lag", "0");
    }
  }
}
