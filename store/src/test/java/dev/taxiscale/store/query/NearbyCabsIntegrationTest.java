package dev.taxiscale.store.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taxiscale.core.geo.Landmark;
import dev.taxiscale.core.geo.Projection;
import dev.taxiscale.core.query.GeoPoint;
import dev.taxiscale.core.query.NearbyCab;
import dev.taxiscale.core.query.NearbyCabsRequest;
import dev.taxiscale.core.query.NearbyCabsResult;
import dev.taxiscale.core.trip.Source;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class NearbyCabsIntegrationTest {

  private static final GeoPoint PENN_STATION = Landmark.PENN_STATION.point();

  @RegisterExtension static final QueryDatabase db = QueryDatabase.withFixtureTrips();

  private static QueryEngine engine;

  @BeforeAll
  static void start() throws Exception {
    engine = new QueryEngine(db.dataSource());
  }

  @Test
  void shouldReturnTheSameCabsAsAScanForTheNearestK() {
    for (NearbyCabsRequest request : Requests.nearby(11, 25)) {
      assertThat(ids(engine.execute(request, NearbyCabsResult.class).cabs()))
          .as("%s", request)
          .isEqualTo(ids(bruteForce(request)));
    }
  }

  @Test
  void shouldReturnEveryCabInsideARadius() {
    NearbyCabsRequest request =
        new NearbyCabsRequest(
            PENN_STATION, FixtureTrips.FIRST_PICKUP.plusHours(30), null, 800.0, 60, null, null);

    List<NearbyCab> cabs = engine.execute(request, NearbyCabsResult.class).cabs();

    assertThat(cabs).isNotEmpty().allMatch(cab -> cab.distanceMeters() <= 800);
    assertThat(ids(cabs)).isEqualTo(ids(bruteForce(request)));
  }

  @Test
  void shouldApplySourceAndPassengerFilters() {
    NearbyCabsRequest request =
        new NearbyCabsRequest(
            PENN_STATION,
            FixtureTrips.FIRST_PICKUP.plusHours(40),
            20,
            null,
            60,
            Set.of(Source.GREEN),
            3);

    List<NearbyCab> cabs = engine.execute(request, NearbyCabsResult.class).cabs();

    assertThat(cabs)
        .isNotEmpty()
        .allMatch(cab -> cab.source() == Source.GREEN && cab.passengers() >= 3);
    assertThat(ids(cabs)).isEqualTo(ids(bruteForce(request)));
  }

  @Test
  void shouldReportDistanceAndMinutesSinceDropoff() {
    NearbyCabsRequest request =
        NearbyCabsRequest.nearest(PENN_STATION, FixtureTrips.FIRST_PICKUP.plusHours(20), 5);

    NearbyCab nearest = engine.execute(request, NearbyCabsResult.class).cabs().get(0);

    double haversine =
        Projection.haversineMeters(
            PENN_STATION.lon(), PENN_STATION.lat(), nearest.lon(), nearest.lat());
    assertThat(nearest.distanceMeters())
        .isCloseTo(haversine, org.assertj.core.data.Percentage.withPercentage(0.5));
    double minutes =
        java.time.Duration.between(nearest.dropoffAt(), request.time()).toSeconds() / 60.0;
    assertThat(nearest.minutesSinceDropoff())
        .isCloseTo(minutes, org.assertj.core.data.Offset.offset(0.05));
  }

  /** The answer by definition: filter every stored trip, sort by planar distance, then id. */
  private static List<NearbyCab> bruteForce(NearbyCabsRequest request) {
    double x = request.point().x();
    double y = request.point().y();
    return db.trips().stream()
        .filter(StoredTrip::hasDropoff)
        .filter(t -> t.dropoffAt().isAfter(request.windowStart()))
        .filter(t -> !t.dropoffAt().isAfter(request.time()))
        .filter(t -> request.sources().contains(Source.fromCode(t.source())))
        .filter(t -> request.minPassengers() == null || t.passengers() >= request.minPassengers())
        .filter(t -> t.dropoffMetersTo(x, y) <= radius(request))
        .sorted(
            Comparator.comparingDouble((StoredTrip t) -> t.dropoffMetersTo(x, y))
                .thenComparingLong(StoredTrip::id))
        .limit(request.k())
        .map(
            t ->
                new NearbyCab(
                    t.id(), Source.fromCode(t.source()), 0, 0, t.dropoffAt(), 0, 0, t.passengers()))
        .toList();
  }

  /** The asked radius, or the most any request may ask for when it gave only k. */
  private static double radius(NearbyCabsRequest request) {
    return request.radiusMeters() == null ? NearbyCabsRequest.MAX_RADIUS_M : request.radiusMeters();
  }

  private static List<Long> ids(List<NearbyCab> cabs) {
    return cabs.stream().map(NearbyCab::tripId).toList();
  }
}
