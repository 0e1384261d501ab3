package dev.taxiscale.ingest.zones;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.taxiscale.core.zone.TaxiZone;
import dev.taxiscale.core.zone.ZoneMap;
import dev.taxiscale.ingest.DownloadLimits;
import dev.taxiscale.ingest.IngestException;
import dev.taxiscale.store.TaxiZones;
import dev.taxiscale.store.testing.MigratedPostgres;
import dev.taxiscale.testkit.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Loads the genuine TLC zone files into the embedded PostgreSQL. */
class ZoneLoaderIntegrationTest {
  @RegisterExtension static final MigratedPostgres postgres = new MigratedPostgres();

  /** Midtown Center, around Rockefeller Center. */
  static final int MIDTOWN_CENTER = 161;

  static final int JFK_AIRPORT = 132;

  @TempDir Path dir;

  private ZoneLoader loader;

  @BeforeEach
  void setUp() throws Exception {
    postgres.execute("DELETE FROM taxi_zones");
    loader =
        new ZoneLoader(postgres.dataSource(), dir.resolve("downloads"), DownloadLimits.defaults());
  }

  private String shapefile() {
    return SharedData.require(SharedData.ZONE_SHAPEFILE).toString();
  }

  private String lookup() {
    return SharedData.require(SharedData.ZONE_LOOKUP).toString();
  }

  private ZoneMap stored() throws Exception {
    return new TaxiZones(postgres.dataSource()).load();
  }

  @Test
  void shouldLoadEveryLookupIdWithTheShapesTheShapefileHas() throws Exception {
    ZoneLoad load = loader.load(shapefile(), lookup());

    assertThat(load.zones()).isEqualTo(265);
    // 263 records: 56 has two and 103 three; 57, 104 and 105 have none, nor do 264 and 265
    assertThat(load.withShape()).isEqualTo(260);
    assertThat(postgres.queryLong("SELECT count(*) FROM taxi_zones WHERE shape_wkb IS NOT NULL"))
        .isEqualTo(260);
  }

  @Test
  void shouldReprojectStatePlaneFeetToWgs84Degrees() throws Exception {
    loader.load(shapefile(), lookup());

    TaxiZone midtown = stored().zone(MIDTOWN_CENTER);
    assertThat(midtown.name()).isEqualTo("Midtown Center");
    assertThat(midtown.centroid().getX()).isCloseTo(-73.978, within(0.005));
    assertThat(midtown.centroid().getY()).isCloseTo(40.758, within(0.005));
  }

  @Test
  void shouldMergeTheSeveralRecordsOfOneZoneIntoOneShape() throws Exception {
    loader.load(shapefile(), lookup());

    assertThat(stored().zone(103).shape().getNumGeometries()).isGreaterThanOrEqualTo(3);
    assertThat(stored().zone(56).shape().getNumGeometries()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void shouldKeepUnknownAndOutsideOfNycWithoutShapes() throws Exception {
    loader.load(shapefile(), lookup());

    assertThat(stored().zone(264).hasShape()).isFalse();
    assertThat(stored().zone(265).name()).isEqualTo("Outside of NYC");
    assertThat(postgres.queryString("SELECT service_zone FROM taxi_zones WHERE location_id = 1"))
        .isEqualTo("EWR");
  }

  @Test
  void shouldReadTheGeoJsonExportAsTheSameZones() throws Exception {
    loader.load(shapefile(), lookup());
    double fromShapefile = stored().zone(JFK_AIRPORT).areaSquareMeters();

    loader.load(SharedData.require(SharedData.ZONE_GEOJSON).toString(), lookup());

    assertThat(stored().zone(JFK_AIRPORT).areaSquareMeters())
        .isCloseTo(fromShapefile, within(fromShapefile * 0.005));
    assertThat(fromShapefile).isBetween(15e6, 30e6);
  }

  @Test
  void shouldFindTheLookupBesideOrAboveTheShapes() throws Exception {
    ZoneLoad load = loader.load(shapefile(), null);

    assertThat(load.zones()).isEqualTo(265);
  }

  @Test
  void shouldRefuseAShapefileWithoutItsPrjInOneLine() throws Exception {
    Path shp = Path.of(shapefile());
    Files.copy(shp, dir.resolve("taxi_zones.shp"));
    Files.copy(shp.resolveSibling("taxi_zones.dbf"), dir.resolve("taxi_zones.dbf"));

    assertThatThrownBy(() -> loader.load(dir.resolve("taxi_zones.shp").toString(), lookup()))
        .isInstanceOf(IngestException.class)
        .hasMessage(
            "taxi_zones.shp: the shapefile's .prj is missing (it says which projection the"
                + " shapes are in)");
    assertThat(postgres.queryLong("SELECT count(*) FROM taxi_zones")).isZero();
  }

  @Test
  void shouldSayWhatToDownloadWhenOffline() {
    ZoneLoader offline =
        new ZoneLoader(
            postgres.dataSource(),
            dir,
            new DownloadLimits(
                java.time.Duration.ofSeconds(2),
                java.time.Duration.ofSeconds(2),
                java.time.Duration.ofSeconds(4),
                1 << 20));

    assertThatThrownBy(() -> offline.load("http://127.0.0.1:9/misc/taxi_zones.zip", lookup()))
        .isInstanceOf(IngestException.class)
        .hasMessageStartingWith("cannot download http://127.0.0.1:9/misc/taxi_zones.zip")
        .hasMessageContaining("taxiscale zones load PATH/taxi_zones.zip")
        .hasMessageNotContaining("\n");
  }

  @Test
  void shouldRefuseAFileThatIsNoShapefileNamingIt() throws Exception {
    Path page = dir.resolve("taxi_zones.zip");
    Files.writeString(page, "<html><body>503 Service Unavailable</body></html>");

    assertThatThrownBy(() -> loader.load(page.toString(), lookup()))
        .isInstanceOf(IngestException.class)
        .hasMessage("taxi_zones.zip: not a zip archive");
  }
}
