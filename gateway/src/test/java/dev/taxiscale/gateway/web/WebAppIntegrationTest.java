package dev.taxiscale.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taxiscale.gateway.DirectBackend;
import dev.taxiscale.gateway.Gateway;
import dev.taxiscale.gateway.GatewayConfig;
import dev.taxiscale.gateway.WebApp;
import dev.taxiscale.store.query.QueryEngine;
import dev.taxiscale.store.testing.MigratedPostgres;
import dev.taxiscale.worker.QueryHandler;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;

/**
 * The web app in a real headless Chromium, against a gateway in direct mode over an embedded
 * PostgreSQL holding {@link AprilEvening}. Each test leaves a screenshot in target/screenshots.
 */
class WebAppIntegrationTest {
  @RegisterExtension static final MigratedPostgres postgres = new MigratedPostgres();
  @TempDir static Path files;

  private static Gateway gateway;
  private static HeadlessChromium browser;
  private MapPage page;

  @BeforeAll
  static void start() throws Exception {
    browser = HeadlessChromium.start();
    AprilEvening.load(postgres.dataSource(), files);
    gateway = directGateway();
  }

  @AfterAll
  static void stop() {
    if (gateway != null) {
      gateway.close();
    }
    if (browser != null) {
      browser.close();
    }
  }

  @BeforeEach
  void openPage() {
    page = MapPage.open(browser.driver(), baseUrl());
  }

  private static String baseUrl() {
    return "http://127.0.0.1:" + gateway.port();
  }

  @AfterEach
  void keepScreenshot(TestInfo test) throws Exception {
    browser.screenshot(test.getTestMethod().orElseThrow().getName());
  }

  private static Gateway directGateway() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    QueryEngine engine = new QueryEngine(postgres.dataSource());
    DirectBackend backend = new DirectBackend(new QueryHandler(engine::execute, registry), 4);
    GatewayConfig config = GatewayConfig.defaults().withPort(0).withMode(GatewayConfig.Mode.DIRECT);
    return new Gateway(config, backend, registry, WebApp::register).start();
  }

  @Test
  void shouldShowNearbyCabsAsMarkersAndAsAListWithDistanceAndMinutesSinceDropoff() {
    page.submit("nearby");

    var cabs = page.awaitAll("#nearby-list li");

    assertThat(page.all("path.cab-marker")).hasSameSizeAs(cabs);
    assertThat(cabs.get(0).getText()).containsPattern("\\d+ m away").contains("min ago");
  }

  @Test
  void shouldSearchNearbyCabsAroundAPointClickedOnTheMap() {
    String latitudeBefore = page.element("nearby-lat").getAttribute("value");

    page.clickMap(40, -30);

    page.awaitAll("#nearby-list li");
    assertThat(page.element("nearby-lat").getAttribute("value")).isNotEqualTo(latitudeBefore);
  }

  @Test
  void shouldShowTheRideTotalAndAPageOfPickupsOnTheMapAndInTheTable() {
    page.tab("rides").submit("rides");

    String total = page.awaitText("rides-total");

    assertThat(total).matches("[\\d,]+ rides");
    assertThat(page.all("#rides-table tbody tr")).hasSize(50);
    assertThat(page.all("path.pickup-marker")).hasSize(50);
  }

  @Test
  void shouldTurnToTheNextPageOfRides() {
    page.tab("rides").submit("rides");
    page.awaitText("rides-rows");

    page.clickButton("Next page");

    assertThat(page.awaitTextOtherThan("rides-rows", "Rows 1–50")).isEqualTo("Rows 51–100");
  }

  @Test
  void shouldSearchRidesInABoxDrawnOnTheMap() {
    page.tab("rides").click("rides-draw");

    page.dragOnMap(-60, -60, 60, 60);
    page.submit("rides");

    assertThat(page.awaitText("rides-total")).matches("[\\d,]+ rides");
    assertThat(page.element("rides-west").getAttribute("value")).isNotEqualTo("-74.00");
  }

  @Test
  void shouldColorTheCellsInViewAndExplainTheColorsInALegend() {
    page.tab("heatmap");

    String summary = page.awaitText("heatmap-summary");

    assertThat(summary).matches("[1-9][\\d,]* cells, [\\d,]+ trips in view");
    assertThat(page.element("legend").isDisplayed()).isTrue();
    assertThat(page.all("#legend li")).isNotEmpty();
  }

  @Test
  void shouldEstimateTheFareBetweenTwoPointsClickedOnTheMap() {
    page.tab("fare").type("fare-radius", "1000");

    page.clickMap(0, 0).clickMap(80, -100);

    assertThat(page.awaitText("fare-summary")).startsWith("Median fare $");
    assertThat(page.awaitText("fare-sample")).matches("[\\d,]+ trips within 1.00 km of A and B");
    assertThat(page.all("#fare-table tbody tr")).hasSize(2);
  }

  @Test
  void shouldSayWhichRadiusAnsweredWhenTheFareRadiusIsLeftEmpty() {
    page.tab("fare");

    page.clickMap(0, 0).clickMap(80, -100);

    assertThat(page.awaitText("fare-sample"))
        .matches("[\\d,]+ trips within [\\d.,]+ k?m of A and B");
  }

  @Test
  void shouldShowCabsFareAndDemandOfARideRequestInOnePanel() {
    page.tab("ride").submit("ride");

    assertThat(page.awaitText("ride-cabs")).matches("\\d+ cabs nearby, the nearest .* away.*");
    assertThat(page.awaitText("ride-fare"))
        .matches(".* [\\d,]+ trips within [\\d.,]+ k?m of both ends.*");
    assertThat(page.awaitText("ride-demand"))
        .matches("[\\d,]+ pickups around here in the last hour");
  }

  @Test
  void shouldShowAFailedRidePartsProblemNextToThePartsThatSucceeded() {
    page.tab("ride").type("ride-destination-lat", "41.5").submit("ride");

    assertThat(page.awaitText("ride-fare")).startsWith("Invalid request: ").contains("41.5");
    assertThat(page.awaitText("ride-cabs")).contains("cabs nearby");
  }

  @Test
  void shouldPlayBackTheDaysPickupsAlongTheTimeSlider() {
    page.tab("playback").submit("playback");
    page.awaitText("playback-summary");
    String clock = page.element("playback-clock").getText();

    page.click("playback-play");

    assertThat(page.awaitTextOtherThan("playback-clock", clock)).matches("\\d\\d:\\d\\d");
    assertThat(page.awaitText("playback-now")).matches("[1-9][\\d,]* sampled pickups .*");
  }

  @Test
  void shouldShowTheGatewaysMessageNextToTheFieldThatWasWrong() {
    page.type("nearby-lat", "41.5").submit("nearby");

    String error = page.awaitText("nearby-error");

    assertThat(error).startsWith("Point latitude must be").contains("41.5");
    assertThat(page.element("nearby-lat").getAttribute("aria-invalid")).isEqualTo("true");
  }

  @Test
  void shouldShowTheRequestRateAndLatencyInTheLivePanel() {
    // a rate shows once two polls have happened; the request after it falls between polls
    page.awaitTextOtherThan("live-rate", "–");

    page.submit("nearby");

    assertThat(page.awaitTextOtherThan("live-p50", "–")).endsWith("ms");
    assertThat(page.element("live-workers").getText()).isEqualTo("in-process");
  }

  @Test
  void shouldSwitchTabsWithTheArrowKeys() {
    page.element("tab-nearby").sendKeys(Keys.ARROW_RIGHT);

    assertThat(page.focused().getAttribute("id")).isEqualTo("tab-rides");
    assertThat(page.element("panel-rides").isDisplayed()).isTrue();
    assertThat(page.element("panel-nearby").isDisplayed()).isFalse();
  }

  @Test
  void shouldGiveEveryControlALabel() {
    Object unlabelled =
        page.script(
            "return [...document.querySelectorAll('input, select, button, textarea')]"
                + ".filter(e => !(e.labels && e.labels.length) && !e.textContent.trim()"
                + " && !e.getAttribute('aria-label'))"
                + ".map(e => e.id || e.outerHTML);");

    assertThat((Iterable<?>) unlabelled).isEmpty();
  }

  @Test
  void shouldDrawTheMapOverACoordinateGridWithoutTiles() {
    assertThat(page.all("#map canvas.leaflet-tile")).isNotEmpty();
    assertThat(page.all("#map img.leaflet-tile")).isEmpty();
    assertThat(page.element("map-note").getText()).startsWith("No map tiles");
  }

  @Test
  void shouldKeepTheCoordinateGridAndSaySoWhenTilesCannotBeLoaded() {
    page = MapPage.open(browser.driver(), baseUrl(), baseUrl() + "/missing-tiles/{z}/{x}/{y}.png");

    assertThat(page.awaitText("map-note")).startsWith("Map tiles could not be loaded");
    assertThat(page.all("#map canvas.leaflet-tile")).isNotEmpty();
  }
}
