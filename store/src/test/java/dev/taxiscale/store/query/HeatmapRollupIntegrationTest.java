package dev.taxiscale.store.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taxiscale.core.geo.Landmark;
import dev.taxiscale.core.geo.Projection;
import dev.taxiscale.core.query.BoundingBox;
import dev.taxiscale.core.query.HeatCell;
import dev.taxiscale.core.query.HeatmapRequest;
import dev.taxiscale.core.query.TimeWindow;
import dev.taxiscale.core.trip.Source;
import dev.taxiscale.core.trip.Trip;
import dev.taxiscale.store.Tables;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The heatmap read from the hourly rollup plus the trips at the edges gives exactly what reading
 * every trip gives, and what the definition gives over a full scan.
 */
class HeatmapRollupIntegrationTest {

  /** The fixture, plus trips of a second file on square corners, where rounding would show. */
  private static final int CORNER_FILE = 2;

  /** The 125 m square corner nearest Penn Station, in square units. */
  private static final int CORNER_X =
      (int) Math.round(Projection.x(Landmark.PENN_STATION.lon()) / 125);

  private static final int CORNER_Y =
      (int) Math.round(Projection.y(Landmark.PENN_STATION.lat()) / 125);

  private static final LocalDateTime MORNING = FixtureTrips.FIRST_PICKUP.plusHours(6);

  @RegisterExtension
  static final QueryDatabase db =
      QueryDatabase.holding(HeatmapRollupIntegrationTest::fixtureAndSquareCorners);

  private static final CellSystem H3 = CellSystem.h3OrGrid();

  private static List<Trip> fixtureAndSquareCorners() {
    List<Trip> trips =
        new ArrayList<>(FixtureTrips.generate(QueryDatabase.SEED, QueryDatabase.TRIPS));
    trips.addAll(onSquareCorners());
    return trips;
  }

  @Test
  void shouldGiveTheSameHeatmapsFromTheRollupAsFromEveryTrip() throws SQLException {
    for (HeatmapRequest request : requests(17, 60)) {
      assertSameEveryWay(request);
    }
  }

  @Test
  void shouldCountTripsOnSquareEdgesOnceWhenTheBoxEdgesLieOnThem() throws SQLException {
    for (int dx = -2; dx <= 2; dx++) {
      for (int dy = -2; dy <= 2; dy++) {
        BoundingBox box =
            new BoundingBox(
                Projection.lon((CORNER_X + dx) * 125.0),
                Projection.lat((CORNER_Y + dy) * 125.0),
                Projection.lon((CORNER_X + dx + 8) * 125.0),
                Projection.lat((CORNER_Y + dy + 8) * 125.0));
        assertSameEveryWay(
            new HeatmapRequest(box, new TimeWindow(MORNING, MORNING.plusHours(3)), 8, null));
      }
    }
  }

  @Test
  void shouldReadWholeHoursOfInnerSquaresFromTheRollup() {
    HeatmapRequest request =
        new HeatmapRequest(
            BoundingBox.around(Requests.nearPlace(new Random(1), 0), 3_000, 3_000),
            new TimeWindow(MORNING.plusMinutes(20), MORNING.plusHours(4).plusMinutes(10)),
            8,
            null);

    HeatmapPlan plan = HeatmapPlan.of(request, H3.fineCellMeters(8), true);

    // whole hours, edge squares, then the partial hours at either end
    assertThat(plan.parts())
        .extracting(HeatmapPlan.Part::from)
        .containsExactly(Tables.TRIP_HOURS, Tables.TRIPS, Tables.TRIPS, Tables.TRIPS);
  }

  @Test
  void shouldReadTripsAloneWhenNoWholeHourFitsTheWindow() {
    HeatmapRequest request =
        new HeatmapRequest(
            BoundingBox.around(Requests.nearPlace(new Random(1), 0), 3_000, 3_000),
            new TimeWindow(MORNING.plusMinutes(20), MORNING.plusMinutes(80)),
            8,
            null);

    HeatmapPlan plan = HeatmapPlan.of(request, H3.fineCellMeters(8), true);

    assertThat(plan.parts()).extracting(HeatmapPlan.Part::from).containsExactly(Tables.TRIPS);
  }

  @Test
  void shouldReadTripsAloneForGridCellsThatAreNoMultipleOfTheSquares() {
    HeatmapRequest request =
        new HeatmapRequest(
            BoundingBox.around(Requests.nearPlace(new Random(1), 0), 3_000, 3_000),
            new TimeWindow(MORNING, MORNING.plusHours(6)),
            8,
            null);

    HeatmapPlan plan = HeatmapPlan.of(request, CellSystem.grid().fineCellMeters(8), true);

    assertThat(plan.parts()).extracting(HeatmapPlan.Part::from).containsExactly(Tables.TRIPS);
  }

  private static void assertSameEveryWay(HeatmapRequest request) throws SQLException {
    List<HeatCell> fromRollup = run(request, true);
    List<HeatCell> fromTrips = run(request, false);

    assertThat(fromRollup).as("%s", request).isEqualTo(fromTrips);
    assertThat(fromRollup).as("%s", request).isEqualTo(HeatmapScan.of(db.trips(), request, H3));
  }

  private static List<HeatCell> run(HeatmapRequest request, boolean useRollup) throws SQLException {
    try (Connection c = db.dataSource().getConnection()) {
      return HeatmapQuery.run(c, request, H3, new CostGuard(QueryLimits.defaults()), 10, useRollup)
          .cells();
    }
  }

  /**
   * Map views of 300 m to 8 km over 20 minutes to 30 hours, starting at any minute or on the hour,
   * at resolutions 7 and 8, sometimes for some fleets only.
   */
  private static List<HeatmapRequest> requests(long seed, int count) {
    Random random = new Random(seed);
    List<HeatmapRequest> requests = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      double side = 300 + random.nextInt(7_700);
      BoundingBox box =
          BoundingBox.around(
              Requests.nearPlace(random, 300), side, side * (0.5 + random.nextDouble()));
      LocalDateTime from = Requests.anyMinute(random);
      if (random.nextBoolean()) {
        from = from.withMinute(0);
      }
      LocalDateTime to = from.plusMinutes(20 + random.nextInt(30 * 60));
      Set<Source> sources =
          switch (random.nextInt(4)) {
            case 0 -> Set.of(Source.YELLOW);
            case 1 -> Set.of(Source.GREEN, Source.FHV);
            default -> null;
          };
      requests.add(
          new HeatmapRequest(box, new TimeWindow(from, to), 7 + random.nextInt(2), sources));
    }
    return requests;
  }

  /** Yellow and FHV pickups exactly on the corners and edges of the squares near Penn Station. */
  private static List<Trip> onSquareCorners() {
    List<Trip> trips = new ArrayList<>();
    long line = 1;
    for (int dx = -3; dx <= 11; dx++) {
      for (int dy = -3; dy <= 11; dy++) {
        for (double half : new double[] {0, 62.5}) {
          double x = (CORNER_X + dx) * 125.0 + half;
          double y = (CORNER_Y + dy) * 125.0;
          long id = line++;
          boolean fhv = id % 3 == 0;
          LocalDateTime pickupAt = MORNING.plusMinutes(id % 200);
          trips.add(
              new Trip(
                  Trip.idOf(CORNER_FILE, id),
                  CORNER_FILE,
                  fhv ? Source.FHV : Source.YELLOW,
                  "VTS",
                  pickupAt,
                  fhv ? null : pickupAt.plusMinutes(7),
                  Projection.lon(x),
                  Projection.lat(y),
                  Double.NaN,
                  Double.NaN,
                  null,
                  fhv ? Double.NaN : 1.37,
                  fhv ? Double.NaN : 8.45,
                  Double.NaN,
                  null,
                  null));
        }
      }
    }
    return trips;
  }
}
