package dev.taxiscale.core.zone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

class ZoneShapeTest {
  /** An L-shaped zone around Union Square: its box is a third empty, so misses must be retried. */
  static final String UNION_SQUARE_L =
      "POLYGON ((-73.995 40.731, -73.985 40.731, -73.985 40.735, -73.990 40.735,"
          + " -73.990 40.741, -73.995 40.741, -73.995 40.731))";

  static Geometry unionSquare() throws Exception {
    return new WKTReader().read(UNION_SQUARE_L);
  }

  @Test
  void shouldPutEveryTripInsideItsZone() throws Exception {
    ZoneShape zone = new ZoneShape(unionSquare());

    assertThat(LongStream.range(0, 2_000).mapToObj(id -> zone.pointFor(id, false)))
        .allMatch(p -> zone.contains(p[0], p[1]));
  }

  @Test
  void shouldPutATripInTheSamePlaceEveryTime() throws Exception {
    double[] first = new ZoneShape(unionSquare()).pointFor(42L << 32 | 7, true);
    double[] again = new ZoneShape(unionSquare()).pointFor(42L << 32 | 7, true);

    assertThat(again).containsExactly(first);
  }

  @Test
  void shouldPutTheTwoEndsOfATripInDifferentPlaces() throws Exception {
    ZoneShape zone = new ZoneShape(unionSquare());

    assertThat(zone.pointFor(99, true)).isNotEqualTo(zone.pointFor(99, false));
  }

  @Test
  void shouldSpreadTripsOverTheZone() throws Exception {
    ZoneShape zone = new ZoneShape(unionSquare());
    long inUpperArm =
        LongStream.range(0, 1_000)
            .mapToObj(id -> zone.pointFor(id, false))
            .filter(p -> p[1] > 40.735)
            .count();

    // the upper arm is 0.005 x 0.006 of the zone's 0.010 x 0.004 + 0.005 x 0.006 degrees
    assertThat(inUpperArm).isBetween(350L, 480L);
  }
}
