package dev.taxiscale.store.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taxiscale.core.query.DataMissingException;
import dev.taxiscale.core.query.FareEstimateRequest;
import dev.taxiscale.core.query.FareEstimateResult;
import dev.taxiscale.core.query.FoundTrip;
import dev.taxiscale.core.query.GeoPoint;
import dev.taxiscale.core.query.TimeWindow;
import dev.taxiscale.core.query.ValidationException;
import dev.taxiscale.core.query.ZoneFareRequest;
import dev.taxiscale.core.query.ZoneFareResult;
import dev.taxiscale.core.query.ZoneFigures;
import dev.taxiscale.core.query.ZoneHeatmapRequest;
import dev.taxiscale.core.query.ZoneHeatmapResult;
import dev.taxiscale.core.query.ZoneRideSearchRequest;
import dev.taxiscale.core.query.ZoneRideSearchResult;
import dev.taxiscale.core.trip.Source;
import dev.taxiscale.core.trip.Trip;
import dev.taxiscale.store.TaxiZones;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The zone heatmap, the zone-to-zone fare and the ride search by zone agree with the trips. */
class ZoneQueriesIntegrationTest {
  private static final LocalDateTime THURSDAY = FixtureTrips.FIRST_PICKUP.plusDays(1);
  private static final LocalDateTime THURSDAY_EVENING = THURSDAY.plusHours(18);
  private static final TimeWindow THURSDAY_ALL_DAY = new TimeWindow(THURSDAY, THURSDAY.plusDays(1));

  /** In the midtown zone, yet more than 3 km from every place a fixture trip starts. */
  private static final GeoPoint UPPER_EAST_SIDE_CORNER = new GeoPoint(-73.955, 40.785);

  /** In the JFK zone, about 4 km from the terminals where the fixture trips end. */
  private static final GeoPoint JFK_FAR_CORNER = new GeoPoint(-73.75, 40.67);

  private static final List<Trip> trips =
      FixtureTrips.generate(QueryDatabase.SEED, QueryDatabase.TRIPS).stream()
          .map(ZoneFixture::zoned)
          .toList();

  @RegisterExtension static final QueryDatabase zoned = QueryDatabase.holding(() -> trips);
  @RegisterExtension static final QueryDatabase withoutZones = QueryDatabase.holding(() -> trips);
  private static QueryEngine engine;

  @BeforeAll
  static void start() throws Exception {
    new TaxiZones(zoned.dataSource()).replaceAll(ZoneFixture.zones(), "fixture");
    engine = new QueryEngine(zoned.dataSource());
  }

  @Test
  void shouldCountEveryZoneAndHourOfDayAsTheTripsDo() {
    ZoneHeatmapResult map =
        (ZoneHeatmapResult) engine.execute(ZoneHeatmapRequest.citywide(THURSDAY_ALL_DAY));

    Map<String, Long> expected =
        picked(THURSDAY_ALL_DAY)
            .collect(
                Collectors.groupingBy(
                    t -> t.pickupZone() + "@" + t.pickupAt().getHour(),
                    TreeMap::new,
                    Collectors.counting()));
    Map<String, Long> actual = new TreeMap<>();
    for (ZoneFigures f : map.hours()) {
      actual.put(f.zone() + "@" + f.hour(), f.trips());
    }
    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void shouldCountADayThatStartsAtSixInTheEveningByHourOfDay() {
    TimeWindow fromEvening = new TimeWindow(THURSDAY_EVENING, THURSDAY_EVENING.plusDays(1));

    ZoneHeatmapResult map =
        (ZoneHeatmapResult) engine.execute(ZoneHeatmapRequest.citywide(fromEvening));

    assertThat(countsByZoneAndHour(map)).isEqualTo(expectedCounts(fromEvening));
  }

  @Test
  void shouldFoldTheDaysOfALongerWindowIntoHoursOfTheDay() {
    TimeWindow threeDays = new TimeWindow(FixtureTrips.FIRST_PICKUP, THURSDAY.plusDays(2));

    ZoneHeatmapResult map =
        (ZoneHeatmapResult) engine.execute(ZoneHeatmapRequest.citywide(threeDays));

    assertThat(countsByZoneAndHour(map)).isEqualTo(expectedCounts(threeDays));
  }

  @Test
  void shouldAverageAZoneOverTheWholeWindow() {
    ZoneHeatmapResult map =
        (ZoneHeatmapResult) engine.execute(ZoneHeatmapRequest.citywide(THURSDAY_ALL_DAY));

    List<Trip> jfkFares =
        picked(THURSDAY_ALL_DAY)
            .filter(t -> t.pickupZone() == ZoneFixture.JFK && !Double.isNaN(t.fare()))
            .toList();
    double meanFare = jfkFares.stream().mapToDouble(Trip::fare).average().orElseThrow();
    ZoneFigures jfk =
        map.zones().stream().filter(f -> f.zone() == ZoneFixture.JFK).findFirst().orElseThrow();
    assertThat(jfk.hour()).isNull();
    assertThat(jfk.avgFare()).isCloseTo(meanFare, org.assertj.core.data.Offset.offset(0.01));
  }

  @Test
  void shouldKeepOnlyTheZonesOfTheBoroughAsked() {
    ZoneHeatmapResult map =
        (ZoneHeatmapResult)
            engine.execute(new ZoneHeatmapRequest(THURSDAY_ALL_DAY, "Queens", null, null));

    assertThat(map.zones()).extracting(ZoneFigures::zone).containsExactly(ZoneFixture.JFK);
    assertThat(map.names())
        .singleElement()
        .satisfies(n -> assertThat(n.name()).isEqualTo("JFK Airport"));
  }

  @Test
  void shouldNameTheBoroughThatHasNoZones() {
    assertThatThrownBy(
            () -> engine.execute(new ZoneHeatmapRequest(THURSDAY_ALL_DAY, "Atlantis", null, null)))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("borough"));
  }

  @Test
  void shouldEstimateAFareFromTheTripsBetweenTwoZones() {
    ZoneFareResult fare =
        (ZoneFareResult)
            engine.execute(
                new ZoneFareRequest(
                    ZoneFixture.MIDTOWN, ZoneFixture.JFK, THURSDAY_EVENING, 120, null, null, null));

    long expected =
        trips.stream()
            .filter(t -> t.source() != Source.FHV && t.hasDropoff())
            .filter(
                t -> t.pickupZone() == ZoneFixture.MIDTOWN && t.dropoffZone() == ZoneFixture.JFK)
            .filter(t -> minutesApart(t.pickupAt(), THURSDAY_EVENING) <= 120)
            .count();
    assertThat(fare.sampleSize()).isEqualTo(expected);
    assertThat(fare.enough()).isTrue();
    assertThat(fare.fare().median()).isBetween(fare.fare().p10(), fare.fare().p90());
    assertThat(fare.from().name()).isEqualTo("Midtown Center");
  }

  @Test
  void shouldNameTheZoneNobodyLoaded() {
    assertThatThrownBy(() -> engine.execute(ZoneFareRequest.between(ZoneFixture.MIDTOWN, 264)))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.field()).isEqualTo("toZone");
              assertThat(e.reason()).contains("no taxi zone 264");
            });
  }

  @Test
  void shouldAskForTheZonesToBeLoadedWhenThereAreNone() {
    QueryEngine bare = new QueryEngine(withoutZones.dataSource());

    assertThatThrownBy(() -> bare.execute(ZoneFareRequest.between(ZoneFixture.MIDTOWN, 1)))
        .isInstanceOf(DataMissingException.class)
        .hasMessageContaining("taxiscale zones load");
  }

  @Test
  void shouldPageThroughEveryRideFromOneZoneToAnother() {
    ZoneRideSearchRequest request =
        ZoneRideSearchRequest.between(
            ZoneFixture.DOWNTOWN, ZoneFixture.MIDTOWN, THURSDAY_ALL_DAY, 7);
    List<Long> seen = new ArrayList<>();
    ZoneRideSearchResult page = engine.execute(request, ZoneRideSearchResult.class);
    long total = page.total();
    seen.addAll(page.rides().stream().map(FoundTrip::id).toList());
    while (page.nextCursor() != null) {
      page = engine.execute(request.after(page.nextCursor()), ZoneRideSearchResult.class);
      seen.addAll(page.rides().stream().map(FoundTrip::id).toList());
    }

    List<Long> expected =
        picked(THURSDAY_ALL_DAY)
            .filter(t -> t.pickupZone() == ZoneFixture.DOWNTOWN)
            .filter(t -> Integer.valueOf(ZoneFixture.MIDTOWN).equals(t.dropoffZone()))
            .sorted(java.util.Comparator.comparing(Trip::pickupAt).thenComparingLong(Trip::id))
            .map(Trip::id)
            .toList();
    assertThat(seen).isEqualTo(expected);
    assertThat(total).isEqualTo(expected.size());
  }

  @Test
  void shouldFallBackToZoneToZoneWhenTheWidestRadiusFindsTooFew() {
    FareEstimateResult fare =
        engine.execute(
            FareEstimateRequest.between(UPPER_EAST_SIDE_CORNER, JFK_FAR_CORNER, THURSDAY_EVENING),
            FareEstimateResult.class);

    assertThat(fare.radiusMeters()).isEqualTo(FareEstimateRequest.MAX_RADIUS_M);
    assertThat(fare.zones()).isNotNull();
    assertThat(fare.zones().from().zone()).isEqualTo(ZoneFixture.MIDTOWN);
    assertThat(fare.zones().to().zone()).isEqualTo(ZoneFixture.JFK);
    assertThat(fare.zones().trips()).isEqualTo(fare.sampleSize()).isPositive();
    assertThat(fare.notices())
        .anySatisfy(n -> assertThat(n).startsWith("fell back to zone to zone"));
  }

  @Test
  void shouldHonourAGivenRadiusWithoutFallingBack() {
    FareEstimateRequest asked =
        FareEstimateRequest.between(UPPER_EAST_SIDE_CORNER, JFK_FAR_CORNER, THURSDAY_EVENING)
            .withRadius(500);

    FareEstimateResult fare = engine.execute(asked, FareEstimateResult.class);

    assertThat(fare.zones()).isNull();
    assertThat(fare.enough()).isFalse();
  }

  /** The trips picked up in {@code window}, counted by pickup zone and hour of day. */
  private static Map<String, Long> expectedCounts(TimeWindow window) {
    return picked(window)
        .collect(
            Collectors.groupingBy(
                t -> t.pickupZone() + "@" + t.pickupAt().getHour(),
                TreeMap::new,
                Collectors.counting()));
  }

  private static Map<String, Long> countsByZoneAndHour(ZoneHeatmapResult map) {
    Map<String, Long> counts = new TreeMap<>();
    for (ZoneFigures f : map.hours()) {
      counts.put(f.zone() + "@" + f.hour(), f.trips());
    }
    return counts;
  }

  private static java.util.stream.Stream<Trip> picked(TimeWindow window) {
    return trips.stream()
        .filter(t -> !t.pickupAt().isBefore(window.from()) && t.pickupAt().isBefore(window.to()));
  }

  /** Minutes between two times of day, the short way round midnight, as whole minutes. */
  private static int minutesApart(LocalDateTime a, LocalDateTime b) {
    int d = Math.abs(a.getHour() * 60 + a.getMinute() - (b.getHour() * 60 + b.getMinute()));
    return Math.min(d, 24 * 60 - d);
  }
}
