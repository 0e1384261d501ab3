package dev.taxiscale.store.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.taxiscale.core.query.BoundingBox;
import dev.taxiscale.core.query.HeatCell;
import dev.taxiscale.core.query.HeatmapRequest;
import dev.taxiscale.core.query.HeatmapResult;
import dev.taxiscale.core.query.TimeWindow;
import dev.taxiscale.core.trip.Source;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HeatmapIntegrationTest {

  /** Manhattan from the Battery to 59th Street. */
  private static final BoundingBox LOWER_MANHATTAN = new BoundingBox(-74.03, 40.69, -73.95, 40.77);

  private static final TimeWindow FIRST_DAY_MORNING =
      new TimeWindow(
          FixtureTrips.FIRST_PICKUP.plusHours(6), FixtureTrips.FIRST_PICKUP.plusHours(12));

  private static QueryDatabase db;

  @BeforeAll
  static void start() throws Exception {
    db = QueryDatabase.start();
  }

  @AfterAll
  static void stop() throws Exception {
    db.close();
  }

  @Test
  void shouldUseH3CellsWhenTheNativeLibraryLoads() {
    assertThat(CellSystem.h3OrGrid().name()).isEqualTo("h3");
  }

  @Test
  void shouldAggregateH3CellsLikeAScan() {
    CellSystem cells = CellSystem.h3OrGrid();
    for (int resolution = 7; resolution <= 9; resolution++) {
      HeatmapRequest request =
          new HeatmapRequest(LOWER_MANHATTAN, FIRST_DAY_MORNING, resolution, null);
      assertSameAsScan(request, cells);
    }
  }

  @Test
  void shouldAggregateGridCellsLikeAScan() {
    assertSameAsScan(
        new HeatmapRequest(LOWER_MANHATTAN, FIRST_DAY_MORNING, 8, null), CellSystem.grid());
  }

  @Test
  void shouldCountOnlyTheRequestedSources() {
    HeatmapRequest request =
        new HeatmapRequest(LOWER_MANHATTAN, FIRST_DAY_MORNING, 8, Set.of(Source.FHV));

    HeatmapResult result = engine(CellSystem.grid()).heatmap(request);

    assertThat(result.cells()).isNotEmpty().allMatch(cell -> cell.avgFare() == null);
    assertSameAsScan(request, CellSystem.grid());
  }

  @Test
  void shouldSayWhichCellSystemItUsed() {
    HeatmapResult result =
        engine(CellSystem.grid())
            .heatmap(new HeatmapRequest(LOWER_MANHATTAN, FIRST_DAY_MORNING, 8, null));

    assertThat(result.cellSystem()).isEqualTo("grid");
    assertThat(result.gridCellMeters()).isCloseTo(858.7, within(0.1));
  }

  private static void assertSameAsScan(HeatmapRequest request, CellSystem cells) {
    List<HeatCell> actual = engine(cells).heatmap(request).cells();
    Map<String, HeatCell> expected = bruteForce(request, cells);
    assertThat(actual).as("%s", request).hasSize(expected.size());
    for (HeatCell cell : actual) {
      HeatCell want = expected.get(cell.cell() + "@" + cell.hour());
      assertThat(want).as("%s at %s", cell.cell(), cell.hour()).isNotNull();
      assertThat(cell.trips()).isEqualTo(want.trips());
      assertClose(cell.avgFare(), want.avgFare(), 0.011);
      assertClose(cell.avgDurationMinutes(), want.avgDurationMinutes(), 0.11);
      assertClose(cell.avgSpeedKmh(), want.avgSpeedKmh(), 0.11);
    }
  }

  private static void assertClose(Double actual, Double expected, double tolerance) {
    if (expected == null) {
      assertThat(actual).isNull();
    } else {
      assertThat(actual).isCloseTo(expected, within(tolerance));
    }
  }

  /** Each trip goes to the cell of its fine square's center, as documented. */
  private static Map<String, HeatCell> bruteForce(HeatmapRequest request, CellSystem cells) {
    int res = request.resolution();
    double fine = cells.fineCellMeters(res);
    Map<String, double[]> sums = new HashMap<>();
    Map<String, CellSystem.Cell> described = new HashMap<>();
    for (StoredTrip t : db.trips()) {
      if (t.pickupAt().isBefore(request.window().from())
          || !t.pickupAt().isBefore(request.window().to())
          || !request.box().contains(t.pickupLon(), t.pickupLat())
          || !request.sources().contains(Source.fromCode(t.source()))) {
        continue;
      }
      long cell =
          cells.cellOf(
              res, (long) Math.floor(t.pickupX() / fine), (long) Math.floor(t.pickupY() / fine));
      CellSystem.Cell described1 = cells.describe(cell, res);
      LocalDateTime hour = t.pickupAt().truncatedTo(ChronoUnit.HOURS);
      String key = described1.id() + "@" + hour;
      described.put(key, described1);
      double[] s = sums.computeIfAbsent(key, k -> new double[7]);
      s[0]++;
      if (t.fare() != null) {
        s[1] += t.fare();
        s[2]++;
      }
      if (t.dropoffAt() != null) {
        double secs = java.time.Duration.between(t.pickupAt(), t.dropoffAt()).toSeconds();
        s[3] += secs;
        s[4]++;
        if (t.distanceMiles() != null) {
          s[5] += t.distanceMiles();
          s[6] += secs;
        }
      }
    }
    Map<String, HeatCell> expected = new HashMap<>();
    sums.forEach(
        (key, s) -> {
          CellSystem.Cell c = described.get(key);
          expected.put(
              key,
              new HeatCell(
                  c.id(),
                  c.lon(),
                  c.lat(),
                  LocalDateTime.parse(key.substring(key.indexOf('@') + 1)),
                  (long) s[0],
                  s[2] == 0 ? null : s[1] / s[2],
                  s[4] == 0 ? null : s[3] / s[4] / 60,
                  s[6] == 0 ? null : s[5] * 1.609344 / (s[6] / 3600)));
        });
    return expected;
  }

  private static QueryEngine engine(CellSystem cells) {
    return new QueryEngine(db.dataSource(), QueryLimits.defaults(), cells);
  }
}
