package dev.taxiscale.store.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taxiscale.core.query.NearbyCab;
import dev.taxiscale.core.trip.Source;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NearbyRingsTest {
  private static final int LAST = NearbyCabsQuery.RINGS_M.length - 1;
  private static final int DONE = LAST + 1;

  @Test
  void shouldStopWhenTheKthCabLiesInsideTheRing() {
    assertThat(NearbyCabsQuery.next(cabs(3, 240), 3, 0)).isEqualTo(DONE);
  }

  @Test
  void shouldWidenToTheNextRingWhenFewerThanKCabsWereFound() {
    assertThat(NearbyCabsQuery.next(cabs(2, 100), 3, 0)).isEqualTo(1);
    assertThat(NearbyCabsQuery.next(List.of(), 3, 2)).isEqualTo(3);
  }

  @Test
  void shouldJumpToTheFirstRingPastTheKthCabFound() {
    // 1,200 m lies between the 1,000 m and the 1,500 m ring
    int next = NearbyCabsQuery.next(cabs(3, 1_200), 3, 0);

    assertThat(NearbyCabsQuery.RINGS_M[next]).isEqualTo(1_500);
    assertThat(NearbyCabsQuery.RINGS_M[next - 1]).isLessThan(1_200);
  }

  @Test
  void shouldNotJumpPastTheLastRing() {
    assertThat(NearbyCabsQuery.next(cabs(3, 9_000), 3, 0)).isEqualTo(LAST);
    assertThat(NearbyCabsQuery.next(cabs(3, 4_999.95), 3, LAST)).isEqualTo(DONE);
    assertThat(NearbyCabsQuery.next(cabs(1, 10), 3, LAST)).isEqualTo(DONE);
  }

  @Test
  void shouldKeepClearOfTheRingsEdge() {
    // rounded to decimeters, a cab shown at 249.95 m may lie just past 250 m
    assertThat(NearbyCabsQuery.next(cabs(3, 249.95), 3, 0)).isEqualTo(1);
  }

  /** {@code count} cabs, the farthest at {@code farthest} meters. */
  private static List<NearbyCab> cabs(int count, double farthest) {
    List<NearbyCab> cabs = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      double meters = farthest * i / count;
      cabs.add(
          new NearbyCab(
              i, Source.YELLOW, -73.99, 40.75, LocalDateTime.of(2014, 4, 1, 18, 0), meters, 1, 1));
    }
    return cabs;
  }
}
