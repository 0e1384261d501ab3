package dev.taxiscale.store.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.taxiscale.core.geo.Landmark;
import dev.taxiscale.core.query.BoundingBox;
import dev.taxiscale.core.query.FareEstimateRequest;
import dev.taxiscale.core.query.FareEstimateResult;
import dev.taxiscale.core.query.GeoPoint;
import dev.taxiscale.core.query.HeatmapRequest;
import dev.taxiscale.core.query.HeatmapResult;
import dev.taxiscale.core.query.QueryRefusedException;
import dev.taxiscale.core.query.RideSearchRequest;
import dev.taxiscale.core.query.RideSearchResult;
import dev.taxiscale.core.query.TimeWindow;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CostGuardIntegrationTest {

  private static final GeoPoint PENN_STATION = Landmark.PENN_STATION.point();
  private static final GeoPoint GRAND_CENTRAL = Landmark.GRAND_CENTRAL.point();
  private static final BoundingBox MIDTOWN = BoundingBox.around(PENN_STATION, 4_000, 4_000);
  private static final TimeWindow WHOLE_FIXTURE =
      new TimeWindow(
          FixtureTrips.FIRST_PICKUP, FixtureTrips.FIRST_PICKUP.plusDays(FixtureTrips.DAYS));

  /** Limits scaled down to the fixture: a whole-fixture window counts as "too many rows". */
  private static final QueryLimits TIGHT = new QueryLimits(1_500, 50, 100, Duration.ofSeconds(5));

  @RegisterExtension static final QueryDatabase db = QueryDatabase.withFixtureTrips();

  private static QueryEngine engine;

  @BeforeAll
  static void start() throws Exception {
    engine = new QueryEngine(db.dataSource(), TIGHT, CellSystem.grid());
  }

  @Test
  void shouldRefuseAHeatmapOverTooManyRows() {
    assertThatThrownBy(
            () ->
                engine.execute(
                    new HeatmapRequest(MIDTOWN, WHOLE_FIXTURE, 7, null), HeatmapResult.class))
        .isInstanceOf(QueryRefusedException.class)
        .hasFieldOrPropertyWithValue("field", "window")
        .hasMessageContaining("at most 1500");
  }

  @Test
  void shouldRefuseAHeatmapWhoseHourlySumsAndEdgeTripsAreTooMany() {
    QueryEngine h3 = new QueryEngine(db.dataSource(), TIGHT, CellSystem.h3OrGrid());

    assertThatThrownBy(
            () ->
                h3.execute(
                    new HeatmapRequest(MIDTOWN, WHOLE_FIXTURE, 8, null), HeatmapResult.class))
        .isInstanceOf(QueryRefusedException.class)
        .hasMessageContaining("at most 1500");
  }

  @Test
  void shouldEstimateOnlyHeatmapsThatCouldHoldMoreTripsThanTheLimit() {
    TimeWindow hour =
        new TimeWindow(FixtureTrips.FIRST_PICKUP, FixtureTrips.FIRST_PICKUP.plusHours(1));
    HeatmapRequest demand =
        new HeatmapRequest(BoundingBox.around(PENN_STATION, 3_000, 3_000), hour, null, null);

    assertThat(CostGuard.mostTrips(demand))
        .isCloseTo(9 * CostGuard.MAX_TRIPS_PER_KM2_HOUR, withinPercentage(1))
        .isLessThanOrEqualTo(QueryLimits.defaults().maxHeatmapRows());
    assertThat(CostGuard.mostTrips(new HeatmapRequest(MIDTOWN, WHOLE_FIXTURE, 7, null)))
        .isGreaterThan(TIGHT.maxHeatmapRows())
        .isGreaterThan(QueryLimits.defaults().maxHeatmapRows());
  }

  @Test
  void shouldCountTheHourlySumsAHeatmapReadsRatherThanTheTripsTheyStandFor() throws SQLException {
    HeatmapRequest request = new HeatmapRequest(MIDTOWN, WHOLE_FIXTURE, 8, null);
    double square = CellSystem.h3OrGrid().fineCellMeters(8);
    try (Connection c = db.dataSource().getConnection()) {
      long fromRollup = CostGuard.estimate(c, HeatmapPlan.of(request, square, true).explainScans());
      long fromTrips = CostGuard.estimate(c, HeatmapPlan.of(request, square, false).explainScans());
      assertThat(fromRollup).isLessThan(fromTrips);
    }
  }

  @Test
  void shouldCapTheCountOfALargeRideSearchAndSaySo() {
    TimeWindow oneDay = new TimeWindow(WHOLE_FIXTURE.from(), WHOLE_FIXTURE.from().plusDays(1));

    RideSearchResult result =
        engine.execute(RideSearchRequest.pickupsIn(MIDTOWN, oneDay, 10), RideSearchResult.class);

    assertThat(result.totalExact()).isFalse();
    assertThat(result.total()).isEqualTo(50);
    assertThat(result.notices()).singleElement().asString().contains("counted up to 50");
    assertThat(result.rides()).hasSize(10);
  }

  @Test
  void shouldCountASmallRideSearchExactly() {
    TimeWindow oneHour = new TimeWindow(WHOLE_FIXTURE.from(), WHOLE_FIXTURE.from().plusHours(1));

    RideSearchResult result =
        engine.execute(RideSearchRequest.pickupsIn(MIDTOWN, oneHour, 10), RideSearchResult.class);

    assertThat(result.totalExact()).isTrue();
    assertThat(result.notices()).isEmpty();
  }

  @Test
  void shouldNarrowAWideFareRadiusAndSaySo() {
    FareEstimateResult result =
        engine.execute(
            new FareEstimateRequest(
                PENN_STATION,
                GRAND_CENTRAL,
                WHOLE_FIXTURE.from().plusHours(12),
                2_000.0,
                60,
                false,
                null,
                5),
            FareEstimateResult.class);

    assertThat(result.radiusMeters()).isLessThan(2_000);
    assertThat(result.notices()).singleElement().asString().contains("radius narrowed from 2000 m");
  }
}
