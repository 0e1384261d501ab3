package dev.taxiscale.core.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ProjectionAccuracyTest {

  private static final double HALF_PERCENT = 0.005;

  @Test
  void planarMetersStayWithinHalfAPercentOfHaversineAnywhereInTheServiceArea() {
    Random random = new Random(11);
    double worst = 0;
    for (int i = 0; i < 20_000; i++) {
      double lon1 = lon(random);
      double lat1 = lat(random);
      // from a few meters to across the whole area
      double lon2 = random.nextBoolean() ? lon(random) : lon1 + random.nextGaussian() * 0.002;
      double lat2 = random.nextBoolean() ? lat(random) : lat1 + random.nextGaussian() * 0.002;
      double haversine = Projection.haversineMeters(lon1, lat1, lon2, lat2);
      if (haversine < 1) {
        continue;
      }
      double planar =
          Math.hypot(
              Projection.x(lon2) - Projection.x(lon1), Projection.y(lat2) - Projection.y(lat1));
      worst = Math.max(worst, Math.abs(planar - haversine) / haversine);
    }
    assertThat(worst).isLessThan(HALF_PERCENT);
  }

  @Test
  void theCornersOfTheServiceAreaAreWithinHalfAPercent() {
    double haversine =
        Projection.haversineMeters(
            ServiceArea.LON_WEST,
            ServiceArea.LAT_NORTH,
            ServiceArea.LON_EAST,
            ServiceArea.LAT_SOUTH);
    double planar =
        Math.hypot(
            Projection.x(ServiceArea.LON_EAST) - Projection.x(ServiceArea.LON_WEST),
            Projection.y(ServiceArea.LAT_SOUTH) - Projection.y(ServiceArea.LAT_NORTH));

    assertThat(Math.abs(planar - haversine) / haversine).isLessThan(HALF_PERCENT);
  }

  private static double lon(Random random) {
    return ServiceArea.LON_WEST
        + random.nextDouble() * (ServiceArea.LON_EAST - ServiceArea.LON_WEST);
  }

  private static double lat(Random random) {
    return ServiceArea.LAT_SOUTH
        + random.nextDouble() * (ServiceArea.LAT_NORTH - ServiceArea.LAT_SOUTH);
  }
}
