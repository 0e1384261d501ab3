package dev.taxiscale.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taxiscale.gateway.DirectBackend;
import dev.taxiscale.gateway.Gateway;
import dev.taxiscale.gateway.GatewayConfig;
import dev.taxiscale.gateway.WebApp;
import dev.taxiscale.pipeline.Problem;
import dev.taxiscale.pipeline.Reply;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The web app when the gateway cannot answer: a query engine that hangs until the test ends, so
 * requests time out or pile up. The messages appear next to the form that sent the request.
 */
class StalledGatewayIntegrationTest {
  private static HeadlessChromium browser;
  private final CountDownLatch unblock = new CountDownLatch(1);
  private Gateway gateway;

  @BeforeAll
  static void startBrowser() throws Exception {
    browser = HeadlessChromium.start();
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @AfterEach
  void stopGateway(TestInfo test) throws Exception {
    browser.screenshot(test.getTestMethod().orElseThrow().getName());
    unblock.countDown();
    gateway.close();
  }

  @Test
  void shouldShowATimeoutNextToTheFormThatTimedOut() {
    MapPage page = open(stalledGateway(Duration.ofMillis(300), 16));

    page.submit("nearby");

    assertThat(page.awaitText("nearby-error"))
        .isEqualTo("No reply in time: no reply within 300 ms");
  }

  @Test
  void shouldShowOverloadNextToTheFormThatWasTurnedAway() {
    MapPage page = open(stalledGateway(Duration.ofSeconds(20), 1));
    page.submit("nearby");

    page.tab("rides").submit("rides");

    assertThat(page.awaitText("rides-error")).startsWith("Too many requests in flight: ");
  }

  private MapPage open(Gateway started) {
    gateway = started;
    return MapPage.open(browser.driver(), "http://127.0.0.1:" + gateway.port());
  }

  /** A gateway whose every query waits until the test is over. */
  private Gateway stalledGateway(Duration timeout, int maxInFlight) {
    GatewayConfig config =
        GatewayConfig.defaults()
            .withPort(0)
            .withMode(GatewayConfig.Mode.DIRECT)
            .withRequestTimeout(timeout)
            .withMaxInFlight(maxInFlight);
    DirectBackend backend = new DirectBackend(json -> awaitUnblock(), 2);
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    return new Gateway(config, backend, registry, WebApp::register).start();
  }

  private Reply awaitUnblock() {
    try {
      unblock.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return Reply.of(Problem.unavailable("the test is over"));
  }
}
