package dev.taxiscale.core.query;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.taxiscale.core.geo.Projection;
import dev.taxiscale.core.geo.ServiceArea;

/** A lon/lat rectangle inside the NYC service area, west below east and south below north. */
public record BoundingBox(
    @JsonProperty(required = true) double west,
    @JsonProperty(required = true) double south,
    @JsonProperty(required = true) double east,
    @JsonProperty(required = true) double north) {

  public BoundingBox {
    Check.range("west", west, ServiceArea.LON_WEST, ServiceArea.LON_EAST);
    Check.range("east", east, ServiceArea.LON_WEST, ServiceArea.LON_EAST);
    Check.range("south", south, ServiceArea.LAT_SOUTH, ServiceArea.LAT_NORTH);
    Check.range("north", north, ServiceArea.LAT_SOUTH, ServiceArea.LAT_NORTH);
    if (west >= east) {
      throw new ValidationException("east", "must be greater than west (" + west + ")");
    }
    if (south >= north) {
      throw new ValidationException("north", "must be greater than south (" + south + ")");
    }
  }

  /** A box of the given size in meters centered on a point, for tests and benchmarks. */
  public static BoundingBox around(GeoPoint center, double widthMeters, double heightMeters) {
    return new BoundingBox(
        Projection.lon(center.x() - widthMeters / 2),
        Projection.lat(center.y() - heightMeters / 2),
        Projection.lon(center.x() + widthMeters / 2),
        Projection.lat(center.y() + heightMeters / 2));
  }

  @JsonIgnore
  public double minX() {
    return Projection.x(west);
  }

  @JsonIgnore
  public double maxX() {
    return Projection.x(east);
  }

  @JsonIgnore
  public double minY() {
    return Projection.y(south);
  }

  @JsonIgnore
  public double maxY() {
    return Projection.y(north);
  }

  @JsonIgnore
  public double widthMeters() {
    return maxX() - minX();
  }

  @JsonIgnore
  public double heightMeters() {
    return maxY() - minY();
  }

  /** Whether a position lies in the box, edges included (the SQL uses the same rule). */
  public boolean contains(double lon, double lat) {
    return lon >= west && lon <= east && lat >= south && lat <= north;
  }

  /** Rejects boxes wider or taller than {@code maxSideMeters}, naming the request field. */
  BoundingBox requireSideAtMost(String field, double maxSideMeters) {
    double side = Math.max(widthMeters(), heightMeters());
    if (side > maxSideMeters) {
      throw new ValidationException(
          field,
          String.format(
              "box is %.0f m x %.0f m, each side must be at most %.0f m",
              widthMeters(), heightMeters(), maxSideMeters));
    }
    return this;
  }
}
