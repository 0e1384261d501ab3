package dev.taxiscale.store.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.taxiscale.core.geo.Landmark;
import dev.taxiscale.core.query.FareEstimateRequest;
import dev.taxiscale.core.query.FareEstimateResult;
import dev.taxiscale.core.query.GeoPoint;
import dev.taxiscale.core.query.Spread;
import dev.taxiscale.core.trip.Source;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FareEstimateIntegrationTest {

  private static final GeoPoint PENN_STATION = Landmark.PENN_STATION.point();
  private static final GeoPoint WALL_STREET = Landmark.WALL_STREET.point();
  private static final GeoPoint JFK = Landmark.JFK.point();

  /** A Thursday morning. */
  private static final LocalDateTime THURSDAY_9AM = LocalDateTime.of(2015, 1, 15, 9, 0);

  /** Just after midnight: the tolerance wraps into the evening before. */
  private static final LocalDateTime SATURDAY_0_30 = LocalDateTime.of(2015, 1, 17, 0, 30);

  @RegisterExtension static final QueryDatabase db = QueryDatabase.withFixtureTrips();

  private static QueryEngine engine;

  @BeforeAll
  static void start() throws Exception {
    engine = new QueryEngine(db.dataSource());
  }

  @Test
  void shouldMatchTheScanPercentilesForPennStationToJfk() {
    assertSameAsScan(
        new FareEstimateRequest(PENN_STATION, JFK, THURSDAY_9AM, 1_000.0, 180, false, null, 5));
  }

  @Test
  void shouldWrapTheTimeOfDayAroundMidnight() {
    assertSameAsScan(
        new FareEstimateRequest(
            WALL_STREET, PENN_STATION, SATURDAY_0_30, 1_200.0, 120, false, null, 5));
  }

  @Test
  void shouldKeepToTheSameDayTypeWhenAsked() {
    assertSameAsScan(
        new FareEstimateRequest(
            PENN_STATION, WALL_STREET, SATURDAY_0_30, 1_500.0, 180, true, null, 5));
  }

  @Test
  void shouldFilterBySource() {
    assertSameAsScan(
        new FareEstimateRequest(
            JFK,
            PENN_STATION,
            THURSDAY_9AM,
            1_500.0,
            180,
            false,
            java.util.Set.of(Source.GREEN),
            5));
  }

  @Test
  void shouldSayWhenTheSampleIsTooSmall() {
    FareEstimateResult result =
        engine.execute(
            new FareEstimateRequest(PENN_STATION, JFK, THURSDAY_9AM, 50.0, 10, false, null, 20),
            FareEstimateResult.class);

    assertThat(result.enough()).isFalse();
    assertThat(result.fare()).isNull();
    assertThat(result.message()).contains("not enough history").contains("at least 20");
  }

  @Test
  void shouldComputeTheSameTripCellsInSqlAsInJava() throws Exception {
    java.util.Random random = new java.util.Random(17);
    try (java.sql.Connection c = db.dataSource().getConnection();
        java.sql.PreparedStatement s = c.prepareStatement("SELECT trip_cell(point(?, ?))")) {
      for (int i = 0; i < 500; i++) {
        double x = random.nextGaussian() * 15_000;
        double y = random.nextGaussian() * 15_000;
        s.setDouble(1, x);
        s.setDouble(2, y);
        try (java.sql.ResultSet rs = s.executeQuery()) {
          rs.next();
          assertThat(rs.getInt(1)).as("(%s, %s)", x, y).isEqualTo(TripCells.cell(x, y));
        }
      }
    }
  }

  private static void assertSameAsScan(FareEstimateRequest request) {
    List<StoredTrip> sample = FareScan.of(db.trips(), request);
    FareEstimateResult result = engine.execute(request, FareEstimateResult.class);

    assertThat(result.sampleSize()).as("%s", request).isEqualTo(sample.size());
    assertThat(result.enough()).isTrue();
    assertSpread(result.fare(), sample, t -> t.fare(), 0.01);
    assertSpread(result.durationMinutes(), sample, FareEstimateIntegrationTest::minutes, 0.1);
  }

  private static void assertSpread(
      Spread actual,
      List<StoredTrip> sample,
      ToDoubleFunction<StoredTrip> value,
      double tolerance) {
    double[] sorted = sample.stream().mapToDouble(value).sorted().toArray();
    assertThat(actual.p10()).isCloseTo(percentile(sorted, 0.1), within(tolerance));
    assertThat(actual.median()).isCloseTo(percentile(sorted, 0.5), within(tolerance));
    assertThat(actual.p90()).isCloseTo(percentile(sorted, 0.9), within(tolerance));
  }

  /** Linear interpolation between closest ranks, as PostgreSQL's percentile_cont. */
  private static double percentile(double[] sorted, double p) {
    double position = p * (sorted.length - 1);
    int below = (int) Math.floor(position);
    int above = Math.min(below + 1, sorted.length - 1);
    return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
  }

  private static double minutes(StoredTrip t) {
    return Duration.between(t.pickupAt(), t.dropoffAt()).toSeconds() / 60.0;
  }
}
