package dev.taxiscale.gateway;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taxiscale.ingest.DownloadLimits;
import dev.taxiscale.ingest.zones.ZoneLoader;
import dev.taxiscale.pipeline.Reply;
import dev.taxiscale.store.TaxiZones;
import dev.taxiscale.store.testing.MigratedPostgres;
import dev.taxiscale.testkit.SharedData;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** GET /api/v1/zones: the loaded genuine zones as the web app's offline base map. */
class ZonesEndpointIntegrationTest {
  @RegisterExtension static final MigratedPostgres postgres = new MigratedPostgres();

  @TempDir Path dir;
  private Gateway gateway;
  private Http http;

  @BeforeEach
  void start() throws Exception {
    postgres.execute("DELETE FROM taxi_zones");
    DirectBackend backend = new DirectBackend(json -> Reply.ok("{}".getBytes(UTF_8)), 1);
    gateway =
        new Gateway(
                GatewayConfig.defaults().withPort(0).withMode(GatewayConfig.Mode.DIRECT),
                backend,
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                WebApp.with(ZonesEndpoint.from(new TaxiZones(postgres.dataSource())::load)))
            .start();
    // the first answer builds the layer: dissolving the boroughs takes seconds on a busy machine
    http = new Http(gateway.port(), java.time.Duration.ofSeconds(60));
  }

  @AfterEach
  void stop() {
    gateway.close();
  }

  private void loadZones() throws Exception {
    new ZoneLoader(postgres.dataSource(), dir, DownloadLimits.defaults())
        .load(
            SharedData.require(SharedData.ZONE_SHAPEFILE).toString(),
            SharedData.require(SharedData.ZONE_LOOKUP).toString());
  }

  @Test
  void shouldServeEveryZoneWithAShapeAndTheFiveBoroughsAndNewark() throws Exception {
    loadZones();

    HttpResponse<String> response = http.get(ZonesEndpoint.PATH);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/geo+json");
    JsonNode features = new ObjectMapper().readTree(response.body()).get("features");
    assertThat(features.findValuesAsText("kind").stream().filter("zone"::equals)).hasSize(260);
    assertThat(features.findValuesAsText("kind").stream().filter("borough"::equals)).hasSize(6);
  }

  @Test
  void shouldKeepTheBaseMapSmallEnoughForAFirstPageLoad() throws Exception {
    loadZones();

    assertThat(http.get(ZonesEndpoint.PATH).body().length()).isLessThan(2_000_000);
  }

  @Test
  void shouldSayHowToLoadZonesWhenNoneAreLoaded() throws Exception {
    HttpResponse<String> response = http.get(ZonesEndpoint.PATH);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = new ObjectMapper().readTree(response.body());
    assertThat(body.get("features")).isEmpty();
    assertThat(body.get("notices").get(0).asText()).contains("taxiscale zones load");
  }
}
