package dev.taxiscale.store.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taxiscale.core.query.BoundingBox;
import dev.taxiscale.core.query.FareEstimateRequest;
import dev.taxiscale.core.query.GeoPoint;
import dev.taxiscale.core.query.HeatmapRequest;
import dev.taxiscale.core.query.NearbyCabsRequest;
import dev.taxiscale.core.query.RideSearchRequest;
import dev.taxiscale.core.query.TimeWindow;
import dev.taxiscale.core.trip.Trip;
import dev.taxiscale.core.zone.TaxiZone;
import dev.taxiscale.store.TaxiZones;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.io.WKTReader;

/** Answers over trips published by taxi zone say so, and how coarse their positions are. */
class ZoneNoticesIntegrationTest {
  private static final GeoPoint PENN_STATION = new GeoPoint(-73.9935, 40.7506);
  private static final GeoPoint GRAND_CENTRAL = new GeoPoint(-73.9772, 40.7527);
  private static final LocalDateTime THURSDAY_NOON = FixtureTrips.FIRST_PICKUP.plusHours(36);

  /** A fixture zone over lower and midtown Manhattan, about 5.9 km by 8.9 km. */
  private static final String MANHATTAN_BLOCK =
      "POLYGON ((-74.02 40.70, -73.95 40.70, -73.95 40.78, -74.02 40.78, -74.02 40.70))";

  private static final int ZONE = 161;

  private static QueryDatabase zoneLevel;
  private static QueryDatabase pointLevel;

  @BeforeAll
  static void start() throws Exception {
    List<Trip> trips = FixtureTrips.generate(QueryDatabase.SEED, QueryDatabase.TRIPS);
    zoneLevel =
        QueryDatabase.start(trips.stream().map(ZoneNoticesIntegrationTest::inZone).toList());
    new TaxiZones(zoneLevel.dataSource())
        .replaceAll(
            List.of(
                new TaxiZone(
                    ZONE,
                    "Manhattan",
                    "Midtown Center",
                    "Yellow Zone",
                    new WKTReader().read(MANHATTAN_BLOCK))),
            "fixture");
    pointLevel = QueryDatabase.start(trips);
  }

  @AfterAll
  static void stop() throws Exception {
    zoneLevel.close();
    pointLevel.close();
  }

  /** The same trip as if published by zone: the fixture zone at both ends. */
  private static Trip inZone(Trip t) {
    return new Trip(
        t.id(),
        t.fileId(),
        t.source(),
        t.vendor(),
        t.pickupAt(),
        t.dropoffAt(),
        t.pickupLon(),
        t.pickupLat(),
        t.dropoffLon(),
        t.dropoffLat(),
        t.passengers(),
        t.distanceMiles(),
        t.fare(),
        t.total(),
        t.payment(),
        t.rateCode(),
        ZONE,
        t.hasDropoff() ? ZONE : null);
  }

  private static BoundingBox midtown() {
    return BoundingBox.around(PENN_STATION, 3_000, 3_000);
  }

  @Test
  void shouldSayNearbyCabsAreZoneLevelAndHowCoarse() {
    List<String> notices =
        new QueryEngine(zoneLevel.dataSource())
            .nearbyCabs(NearbyCabsRequest.nearest(PENN_STATION, THURSDAY_NOON, 5))
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
            .rideSearch(
                RideSearchRequest.pickupsIn(
                    midtown(), new TimeWindow(THURSDAY_NOON, THURSDAY_NOON.plusHours(6)), 20))
            .notices();

    assertThat(notices)
        .anySatisfy(n -> assertThat(n).contains("of 20 rides on this page are zone-level"));
  }

  @Test
  void shouldSayHeatmapPickupsAreZoneLevel() {
    List<String> notices =
        new QueryEngine(zoneLevel.dataSource())
            .heatmap(
                new HeatmapRequest(
                    midtown(),
                    new TimeWindow(THURSDAY_NOON, THURSDAY_NOON.plusHours(2)),
                    null,
                    null))
            .notices();

    assertThat(notices).anySatisfy(n -> assertThat(n).contains("of the pickups are zone-level"));
  }

  @Test
  void shouldSayAFareSampleMayHoldZoneLevelTrips() {
    List<String> notices =
        new QueryEngine(zoneLevel.dataSource())
            .fareEstimate(FareEstimateRequest.between(PENN_STATION, GRAND_CENTRAL, THURSDAY_NOON))
            .notices();

    assertThat(notices).anySatisfy(n -> assertThat(n).contains("published by taxi zone"));
  }

  @Test
  void shouldNotMentionZonesWhenEveryPositionIsAPoint() {
    QueryEngine engine = new QueryEngine(pointLevel.dataSource());

    assertThat(
            engine.nearbyCabs(NearbyCabsRequest.nearest(PENN_STATION, THURSDAY_NOON, 5)).notices())
        .noneMatch(n -> n.contains("zone"));
    assertThat(
            engine
                .fareEstimate(
                    FareEstimateRequest.between(PENN_STATION, GRAND_CENTRAL, THURSDAY_NOON))
                .notices())
        .noneMatch(n -> n.contains("zone"));
  }
}
