package dev.taxiscale.pipeline.ride;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taxiscale.core.geo.Landmark;
import dev.taxiscale.core.query.GeoPoint;
import dev.taxiscale.core.query.HeatmapRequest;
import dev.taxiscale.core.query.TimeWindow;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class RidePartTest {
  private static final GeoPoint TIMES_SQUARE = Landmark.TIMES_SQUARE.point();

  @Test
  void shouldAskDemandOverTheLastWholeHourBeforeTheRide() {
    RideRequest ride = new RideRequest(TIMES_SQUARE, null, LocalDateTime.of(2015, 1, 15, 8, 30));

    HeatmapRequest demand = (HeatmapRequest) RidePart.DEMAND.query(ride).orElseThrow();

    assertThat(demand.window())
        .isEqualTo(
            new TimeWindow(
                LocalDateTime.of(2015, 1, 15, 7, 0), LocalDateTime.of(2015, 1, 15, 8, 0)));
  }

  @Test
  void shouldEndTheDemandHourAtTheRideWhenItIsOnTheHour() {
    TimeWindow window = RidePart.demandWindow(LocalDateTime.of(2015, 1, 15, 8, 0));

    assertThat(window.from()).isEqualTo(LocalDateTime.of(2015, 1, 15, 7, 0));
    assertThat(window.to()).isEqualTo(LocalDateTime.of(2015, 1, 15, 8, 0));
  }
}
