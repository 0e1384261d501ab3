package dev.taxiscale.store.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taxiscale.core.geo.Landmark;
import dev.taxiscale.core.query.FareEstimateRequest;
import dev.taxiscale.core.query.FareEstimateResult;
import dev.taxiscale.core.query.GeoPoint;
import java.time.LocalDateTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FareWideningIntegrationTest {

  private static final GeoPoint PENN_STATION = Landmark.PENN_STATION.point();
  private static final GeoPoint UNION_SQUARE = Landmark.UNION_SQUARE.point();

  /** Far from every fixture place: Staten Island. */
  private static final GeoPoint STATEN_ISLAND = Landmark.STATEN_ISLAND.point();

  /** A Thursday morning. */
  private static final LocalDateTime THURSDAY_9AM = LocalDateTime.of(2015, 1, 15, 9, 0);

  @RegisterExtension static final QueryDatabase db = QueryDatabase.withFixtureTrips();

  private static QueryEngine engine;

  @BeforeAll
  static void start() throws Exception {
    engine = new QueryEngine(db.dataSource());
  }

  @Test
  void shouldWidenToTheFirstStepThatFindsEnoughTripsAndSaySo() {
    FareEstimateRequest asked =
        new FareEstimateRequest(
            PENN_STATION, UNION_SQUARE, THURSDAY_9AM, null, 120, false, null, 20);
    double expected = firstStepWithEnough(asked);

    FareEstimateResult result = engine.execute(asked, FareEstimateResult.class);

    assertThat(expected).isGreaterThan(FareEstimateRequest.DEFAULT_RADIUS_M);
    assertThat(result.enough()).isTrue();
    assertThat(result.radiusMeters()).isEqualTo(expected);
    assertThat(result.sampleSize())
        .isEqualTo(FareScan.of(db.trips(), asked.withRadius(expected)).size());
    assertThat(result.notices())
        .singleElement()
        .asString()
        .contains("radius widened from 300 m to " + (int) expected + " m");
  }

  @Test
  void shouldHonourAGivenRadiusEvenWhenItFindsTooFew() {
    FareEstimateRequest asked =
        new FareEstimateRequest(
            PENN_STATION, UNION_SQUARE, THURSDAY_9AM, 300.0, 120, false, null, 20);

    FareEstimateResult result = engine.execute(asked, FareEstimateResult.class);

    assertThat(result.radiusMeters()).isEqualTo(300);
    assertThat(result.sampleSize()).isEqualTo(FareScan.of(db.trips(), asked).size());
    assertThat(result.enough()).isFalse();
    assertThat(result.notices()).isEmpty();
  }

  @Test
  void shouldStopAtTheWidestRadiusAndSayHowFewItFound() {
    FareEstimateRequest asked =
        new FareEstimateRequest(
            PENN_STATION, STATEN_ISLAND, THURSDAY_9AM, null, null, false, null, 20);

    FareEstimateResult result = engine.execute(asked, FareEstimateResult.class);

    assertThat(result.enough()).isFalse();
    assertThat(result.radiusMeters()).isEqualTo(FareEstimateRequest.MAX_RADIUS_M);
    assertThat(result.fare()).isNull();
    assertThat(result.message())
        .startsWith("not enough history: 0 matching trips within 2000 m, at least 20 needed")
        .doesNotContain("radiusMeters");
    assertThat(result.notices()).singleElement().asString().contains("to 2000 m");
  }

  @Test
  void shouldStopWideningWhereTheNextStepWouldReadMoreThanTheCap() {
    FareEstimateRequest asked =
        new FareEstimateRequest(
            PENN_STATION, UNION_SQUARE, THURSDAY_9AM, null, 120, false, null, 1_000);
    long atFirstStep = FareScan.candidates(db.trips(), asked.withRadius(300.0));
    QueryEngine capped =
        new QueryEngine(
            db.dataSource(),
            new QueryLimits(1_000_000, 100_000, atFirstStep, java.time.Duration.ofSeconds(5)),
            CellSystem.grid());

    FareEstimateResult result = capped.execute(asked, FareEstimateResult.class);

    assertThat(result.radiusMeters()).isEqualTo(300);
    assertThat(result.enough()).isFalse();
    assertThat(result.notices())
        .singleElement()
        .asString()
        .contains("stopped widening at 300 m: 500 m would read more than " + atFirstStep);
  }

  private static double firstStepWithEnough(FareEstimateRequest asked) {
    return asked.radii().stream()
        .filter(r -> FareScan.of(db.trips(), asked.withRadius(r)).size() >= asked.minSample())
        .findFirst()
        .orElseThrow();
  }
}
