package dev.taxiscale.core.zone;

import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Point;

/**
 * A zone's shape made ready for many point lookups, and the place a zone-level trip end is put.
 *
 * <p>A trip from a file with zones has no coordinates; it gets a point inside its zone that depends
 * only on the trip id, which end it is and the shape's coordinates. Ids are stable across reloads
 * and engines, and the shapes come from the database, so any engine that calls {@link #pointFor}
 * puts the trip in the same place. Thread-safe once built.
 */
public final class ZoneShape {
  /** Enough tries for the thinnest zones (their shapes fill a few percent of their boxes). */
  private static final int ATTEMPTS = 256;

  private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

  private final Geometry shape;
  private final Envelope box;
  private final IndexedPointInAreaLocator locator;
  private final Point fallback;

  public ZoneShape(Geometry shape) {
    this.shape = shape;
    this.box = shape.getEnvelopeInternal();
    this.locator = new IndexedPointInAreaLocator(shape);
    // builds the locator's index now, so threads share it read-only
    locator.locate(new Coordinate(box.getMinX(), box.getMinY()));
    this.fallback = shape.getInteriorPoint();
  }

  public Geometry shape() {
    return shape;
  }

  public boolean contains(double lon, double lat) {
    return box.contains(lon, lat) && locator.locate(new Coordinate(lon, lat)) != Location.EXTERIOR;
  }

  /**
   * A point strictly inside the shape chosen by the trip id: SplitMix64 draws from the shape's box
   * until one falls inside (the interior point after {@value #ATTEMPTS} misses).
   *
   * @param dropoff which end of the trip, so its two ends in one zone differ
   * @return {lon, lat}
   */
  public double[] pointFor(long tripId, boolean dropoff) {
    long state = tripId * 2 + (dropoff ? 1 : 0);
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      state += GOLDEN_GAMMA;
      double u = unit(mix(state));
      state += GOLDEN_GAMMA;
      double v = unit(mix(state));
      double lon = box.getMinX() + u * box.getWidth();
      double lat = box.getMinY() + v * box.getHeight();
      if (locator.locate(new Coordinate(lon, lat)) == Location.INTERIOR) {
        return new double[] {lon, lat};
      }
    }
    return new double[] {fallback.getX(), fallback.getY()};
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /** The top 53 bits as a double in [0, 1). */
  private static double unit(long bits) {
    return (bits >>> 11) * 0x1.0p-53;
  }
}
