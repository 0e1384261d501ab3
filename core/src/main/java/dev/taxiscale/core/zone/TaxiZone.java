package dev.taxiscale.core.zone;

import dev.taxiscale.core.geo.Projection;
import java.util.Objects;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * One TLC taxi zone: its id, names and, for the 263 zones with a shape, the shape in WGS84 degrees.
 * "Unknown" (264) and "Outside of NYC" (265) have none.
 *
 * @param locationId the {@code LocationID} trip files name, {@value #MIN_ID}..{@value #MAX_ID}
 * @param shape a polygon or multipolygon in lon/lat degrees, or null
 */
public record TaxiZone(
    int locationId, String borough, String name, String serviceZone, Geometry shape)
    implements java.io.Serializable {
  public static final int MIN_ID = 1;

  /** Ids fit the {@code smallint} columns that store them. */
  public static final int MAX_ID = Short.MAX_VALUE;

  public TaxiZone {
    if (locationId < MIN_ID || locationId > MAX_ID) {
      throw new IllegalArgumentException(
          "LocationID " + locationId + " outside " + MIN_ID + ".." + MAX_ID);
    }
    borough = Objects.requireNonNullElse(borough, "");
    name = Objects.requireNonNullElse(name, "");
    serviceZone = Objects.requireNonNullElse(serviceZone, "");
    if (shape != null && (shape.isEmpty() || shape.getDimension() != 2)) {
      throw new IllegalArgumentException("zone " + locationId + ": shape is not a polygon");
    }
  }

  public boolean hasShape() {
    return shape != null;
  }

  /** The shape's centroid, or null without a shape. */
  public Point centroid() {
    return shape == null ? null : shape.getCentroid();
  }

  /** The shape's area in square meters (0 without a shape). */
  public double areaSquareMeters() {
    if (shape == null) {
      return 0;
    }
    Geometry metric = shape.copy();
    metric.apply(
        (Coordinate c) -> {
          c.setX(Projection.x(c.getX()));
          c.setY(Projection.y(c.getY()));
        });
    metric.geometryChanged();
    return metric.getArea();
  }
}
