package dev.taxiscale.store.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.taxiscale.core.query.BoundingBox;
import dev.taxiscale.core.query.HeatCell;
import dev.taxiscale.core.query.HeatmapRequest;
import dev.taxiscale.core.query.HeatmapResult;
import dev.taxiscale.core.query.TimeWindow;
import dev.taxiscale.core.trip.Source;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HeatmapIntegrationTest {

  /** Manhattan from the Battery to 59th Street. */
  private static final BoundingBox LOWER_MANHATTAN = new BoundingBox(-74.03, 40.69, -73.95, 40.77);

  private static final TimeWindow FIRST_DAY_MORNING =
      new TimeWindow(
          FixtureTrips.FIRST_PICKUP.plusHours(6), FixtureTrips.FIRST_PICKUP.plusHours(12));

  @RegisterExtension static final QueryDatabase db = QueryDatabase.withFixtureTrips();

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

    HeatmapResult result = engine(CellSystem.grid()).execute(request, HeatmapResult.class);

    assertThat(result.cells()).isNotEmpty().allMatch(cell -> cell.avgFare() == null);
    assertSameAsScan(request, CellSystem.grid());
  }

  @Test
  void shouldSayWhichCellSystemItUsed() {
    HeatmapResult result =
        engine(CellSystem.grid())
            .execute(
                new HeatmapRequest(LOWER_MANHATTAN, FIRST_DAY_MORNING, 8, null),
                HeatmapResult.class);

    assertThat(result.cellSystem()).isEqualTo("grid");
    assertThat(result.gridCellMeters()).isCloseTo(858.7, within(0.1));
  }

  private static void assertSameAsScan(HeatmapRequest request, CellSystem cells) {
    List<HeatCell> actual = engine(cells).execute(request, HeatmapResult.class).cells();

    assertThat(actual).as("%s", request).isEqualTo(HeatmapScan.of(db.trips(), request, cells));
  }

  private static QueryEngine engine(CellSystem cells) {
    return new QueryEngine(db.dataSource(), QueryLimits.defaults(), cells);
  }
}
