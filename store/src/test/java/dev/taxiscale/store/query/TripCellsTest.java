package dev.taxiscale.store.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TripCellsTest {

  @Test
  void shouldCoverTheCellOfEveryPointWithinTheRadius() {
    Random random = new Random(3);
    for (int i = 0; i < 2_000; i++) {
      double x = random.nextGaussian() * 10_000;
      double y = random.nextGaussian() * 10_000;
      double radius = 50 + random.nextDouble() * 1_950;
      double angle = random.nextDouble() * 2 * Math.PI;
      double distance = radius * Math.sqrt(random.nextDouble());
      int cell = TripCells.cell(x + distance * Math.cos(angle), y + distance * Math.sin(angle));

      assertThat(Arrays.asList(TripCells.within(x, y, radius))).contains(cell);
    }
  }

  @Test
  void shouldLeaveOutCellsBeyondTheRadius() {
    // a 100 m circle in the middle of a 250 m cell touches only that cell
    assertThat(TripCells.within(125, 125, 100)).containsExactly(TripCells.cell(125, 125));
  }
}
