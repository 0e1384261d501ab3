package dev.taxiscale.core.query;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.taxiscale.core.geo.Projection;
import dev.taxiscale.core.geo.ServiceArea;

/** A WGS84 position inside the NYC service area, the only places the queries answer for. */
public record GeoPoint(
    @JsonProperty(required = true) double lon, @JsonProperty(required = true) double lat) {

  public GeoPoint {
    Check.range("lon", lon, -180, 180);
    Check.range("lat", lat, -90, 90);
    Check.range("lon", lon, ServiceArea.LON_WEST, ServiceArea.LON_EAST);
    Check.range("lat", lat, ServiceArea.LAT_SOUTH, ServiceArea.LAT_NORTH);
  }

  /** Meters east of the projection origin. */
  public double x() {
    return Projection.x(lon);
  }

  /** Meters north of the projection origin. */
  public double y() {
    return Projection.y(lat);
  }
}
