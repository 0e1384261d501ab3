package dev.taxiscale.store.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taxiscale.core.geo.Landmark;
import dev.taxiscale.core.query.BoundingBox;
import dev.taxiscale.core.query.FareEstimateRequest;
import dev.taxiscale.core.query.FareEstimateResult;
import dev.taxiscale.core.query.GeoPoint;
import dev.taxiscale.core.query.HeatmapRequest;
import dev.taxiscale.core.query.HeatmapResult;
import dev.taxiscale.core.query.NearbyCabsRequest;
import dev.taxiscale.core.query.NearbyCabsResult;
import dev.taxiscale.core.query.RideSearchRequest;
import dev.taxiscale.core.query.RideSearchResult;
import dev.taxiscale.core.query.TimeWindow;
import dev.taxiscale.store.TaxiZones;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.locationtech.jts.geom.Envelope;

/** Answers over trips published by taxi zone say so, and how coarse their positions are. */
class ZoneNoticesIntegrationTest {
  private static final GeoPoint PENN_STATION = Landmark.PENN_STATION.point();
  private static final GeoPoint GRAND_CENTRAL = Landmark.GRAND_CENTRAL.point();
  private static final LocalDateTime THURSDAY_NOON = FixtureTrips.FIRST_PICKUP.plusHours(36);

  /** A fixture zone over lower and midtown Manhattan, about 5.9 km by 8.9 km. */
  private static final Envelope MANHATTAN_BLOCK = new Envelope(-74.02, -73.95, 40.70, 40.78);

  private static final int ZONE = 161;

  /** The fixture trips as if published by zone: the fixture zone at both ends. */
  @RegisterExtension
  static final QueryDatabase zoneLevel =
      QueryDatabase.holding(
          () ->
              FixtureTrips.generate(QueryDatabase.SEED, QueryDatabase.TRIPS).stream()
                  .map(t -> ZoneFixture.inZones(t, ZONE, t.hasDropoff() ? ZONE : null))
                  .toList());

  @RegisterExtension static final QueryDatabase pointLevel = QueryDatabase.withFixtureTrips();

  @BeforeAll
  static void start() throws Exception {
    new TaxiZones(zoneLevel.dataSource())
        .replaceAll(
            List.of(ZoneFixture.zone(ZONE, "Manhattan", "Midtown Center", MANHATTAN_BLOCK)),
            "fixture");
  }

  private static BoundingBox midtown() {
    return BoundingBox.around(PENN_STATION, 3_000, 3_000);
  }

  @Test
  void shouldSayNearbyCabsAreZoneLevelAndHowCoarse() {
    List<String> notices =
        new QueryEngine(zoneLevel.dataSource())
            .execute(
                NearbyCabsRequest.nearest(PENN_STATION, THURSDAY_NOON, 5), NearbyCabsResult.class)
            .notices();

    assertThat(notices)
        .anySatisfy(
            n ->
                assertThat(n)
                    .startsWith("5 of 5 cabs are zone-level")
                    .contains("not street-level")
                    .contains("zones of median 52."));
  }

  @Test
  void shouldSayRidesAreZoneLevel() {
    List<String> notices =
        new QueryEngine(zoneLevel.dataSource())
            .execute(
                RideSearchRequest.pickupsIn(
                    midtown(), new TimeWindow(THURSDAY_NOON, THURSDAY_NOON.plusHours(6)), 20),
                RideSearchResult.class)
            .notices();

    assertThat(notices)
        .anySatisfy(n -> assertThat(n).contains("of 20 rides on this page are zone-level"));
  }

  @Test
  void shouldSayHeatmapPickupsAreZoneLevel() {
    List<String> notices =
        new QueryEngine(zoneLevel.dataSource())
            .execute(
                new HeatmapRequest(
                    midtown(),
                    new TimeWindow(THURSDAY_NOON, THURSDAY_NOON.plusHours(2)),
                    null,
                    null),
                HeatmapResult.class)
            .notices();

    assertThat(notices).anySatisfy(n -> assertThat(n).contains("of the pickups are zone-level"));
  }

  @Test
  void shouldSayAFareSampleMayHoldZoneLevelTrips() {
    List<String> notices =
        new QueryEngine(zoneLevel.dataSource())
            .execute(
                FareEstimateRequest.between(PENN_STATION, GRAND_CENTRAL, THURSDAY_NOON),
                FareEstimateResult.class)
            .notices();

    assertThat(notices).anySatisfy(n -> assertThat(n).contains("published by taxi zone"));
  }

  @Test
  void shouldNotMentionZonesWhenEveryPositionIsAPoint() {
    QueryEngine engine = new QueryEngine(pointLevel.dataSource());

    assertThat(
            engine
                .execute(
                    NearbyCabsRequest.nearest(PENN_STATION, THURSDAY_NOON, 5),
                    NearbyCabsResult.class)
                .notices())
        .noneMatch(n -> n.contains("zone"));
    assertThat(
            engine
                .execute(
                    FareEstimateRequest.between(PENN_STATION, GRAND_CENTRAL, THURSDAY_NOON),
                    FareEstimateResult.class)
                .notices())
        .noneMatch(n -> n.contains("zone"));
  }
}
