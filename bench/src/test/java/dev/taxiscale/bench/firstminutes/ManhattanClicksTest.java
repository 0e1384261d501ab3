package dev.taxiscale.bench.firstminutes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taxiscale.pipeline.ride.RideRequest;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class ManhattanClicksTest {
  private static final LocalDateTime SIX_PM = LocalDateTime.parse("2014-04-15T18:00");

  @Test
  void shouldClickRidesInsideTheBoxAtTheGivenTime() {
    ManhattanClicks clicks = new ManhattanClicks(7, SIX_PM);
    for (int i = 0; i < 200; i++) {
      RideRequest ride = clicks.ride();

      assertThat(ride.time()).isEqualTo(SIX_PM);
      assertThat(ride.pickup().lon()).isBetween(ManhattanClicks.WEST, ManhattanClicks.EAST);
      assertThat(ride.pickup().lat()).isBetween(ManhattanClicks.SOUTH, ManhattanClicks.NORTH);
      assertThat(ride.destination().lon()).isBetween(ManhattanClicks.WEST, ManhattanClicks.EAST);
      assertThat(ride.destination().lat()).isBetween(ManhattanClicks.SOUTH, ManhattanClicks.NORTH);
    }
  }

  @Test
  void shouldClickTheSameRidesForTheSameSeed() {
    ManhattanClicks one = new ManhattanClicks(7, SIX_PM);
    ManhattanClicks two = new ManhattanClicks(7, SIX_PM);
    ManhattanClicks other = new ManhattanClicks(8, SIX_PM);

    RideRequest first = one.ride();

    assertThat(two.ride()).isEqualTo(first);
    assertThat(other.ride()).isNotEqualTo(first);
  }
}
