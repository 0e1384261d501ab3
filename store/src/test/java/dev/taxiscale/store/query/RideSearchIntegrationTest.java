package dev.taxiscale.store.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taxiscale.core.query.BoundingBox;
import dev.taxiscale.core.query.FoundTrip;
import dev.taxiscale.core.query.RideSearchRequest;
import dev.taxiscale.core.query.RideSearchResult;
import dev.taxiscale.core.query.TimeWindow;
import dev.taxiscale.core.trip.Source;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RideSearchIntegrationTest {

  /** Lower Midtown from the Hudson to the East River, 23rd to 42nd Street. */
  private static final BoundingBox LOWER_MIDTOWN = new BoundingBox(-74.01, 40.735, -73.97, 40.755);

  @RegisterExtension static final QueryDatabase db = QueryDatabase.withFixtureTrips();

  private static QueryEngine engine;

  @BeforeAll
  static void start() throws Exception {
    engine = new QueryEngine(db.dataSource());
  }

  @Test
  void shouldCountWhatAScanCounts() {
    for (RideSearchRequest request : Requests.rides(5, 30)) {
      assertThat(engine.execute(request, RideSearchResult.class).total())
          .as("%s", request)
          .isEqualTo(bruteForce(request).size());
    }
  }

  @Test
  void shouldPageThroughEveryMatchInTimeThenIdOrder() {
    for (RideSearchRequest request : Requests.rides(6, 12)) {
      assertThat(allPages(request)).as("%s", request).isEqualTo(bruteForce(request));
    }
  }

  @Test
  void shouldEndWithoutACursorOnTheLastPage() {
    RideSearchRequest request = RideSearchRequest.pickupsIn(LOWER_MIDTOWN, hours(0, 2), 1_000);

    RideSearchResult result = engine.execute(request, RideSearchResult.class);

    assertThat(result.rides()).hasSize((int) result.total());
    assertThat(result.nextCursor()).isNull();
    assertThat(result.totalExact()).isTrue();
  }

  @Test
  void shouldReturnTheStoredValuesOfEachRide() {
    RideSearchRequest request = RideSearchRequest.pickupsIn(LOWER_MIDTOWN, hours(10, 12), 1);

    FoundTrip ride = engine.execute(request, RideSearchResult.class).rides().get(0);

    StoredTrip stored = bruteForceTrips(request).get(0);
    assertThat(ride.id()).isEqualTo(stored.id());
    assertThat(ride.pickupAt()).isEqualTo(stored.pickupAt());
    assertThat(ride.pickupLon()).isEqualTo(stored.pickupLon());
    assertThat(ride.fare())
        .isEqualTo(stored.fare() == null ? null : Double.valueOf(stored.fare().toString()));
  }

  private static List<Long> allPages(RideSearchRequest first) {
    List<Long> ids = new ArrayList<>();
    RideSearchResult page = engine.execute(first, RideSearchResult.class);
    ids.addAll(page.rides().stream().map(FoundTrip::id).toList());
    while (page.nextCursor() != null) {
      page = engine.execute(first.after(page.nextCursor()), RideSearchResult.class);
      ids.addAll(page.rides().stream().map(FoundTrip::id).toList());
    }
    return ids;
  }

  private static List<StoredTrip> bruteForceTrips(RideSearchRequest r) {
    return db.trips().stream()
        .filter(
            t ->
                !t.pickupAt().isBefore(r.window().from()) && t.pickupAt().isBefore(r.window().to()))
        .filter(t -> r.pickupBox() == null || r.pickupBox().contains(t.pickupLon(), t.pickupLat()))
        .filter(
            t ->
                r.dropoffBox() == null
                    || (t.dropoffLon() != null
                        && r.dropoffBox().contains(t.dropoffLon(), t.dropoffLat())))
        .filter(t -> r.sources().contains(Source.fromCode(t.source())))
        .filter(
            t ->
                r.minPassengers() == null
                    || (t.passengers() != null && t.passengers() >= r.minPassengers()))
        .sorted(Comparator.comparing(StoredTrip::pickupAt).thenComparingLong(StoredTrip::id))
        .toList();
  }

  private static List<Long> bruteForce(RideSearchRequest request) {
    return bruteForceTrips(request).stream().map(StoredTrip::id).toList();
  }

  private static TimeWindow hours(int fromHour, int toHour) {
    return new TimeWindow(
        FixtureTrips.FIRST_PICKUP.plusHours(fromHour), FixtureTrips.FIRST_PICKUP.plusHours(toHour));
  }
}
